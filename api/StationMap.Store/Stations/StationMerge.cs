using Npgsql;
using NpgsqlTypes;
using StationMap.Domain;

namespace StationMap.Store.Stations;

/// <summary>
/// Writes a source's stations into the store. The source's stored keys and content hashes are read first, so the
/// client knows which rows are unchanged (skipped: an unchanged re-import writes no station), new or changed; only
/// those go by binary COPY into a staging table, and from there into an update and an insert. A full import retires
/// the stored stations the input lacks. Runs inside the caller's transaction so that a failure anywhere leaves the
/// store as it was.
/// </summary>
public static class StationMerge
{
    /// <summary>
    /// A source's first import into a store of at most this many stations is a bulk load: straight into the table by
    /// COPY, with the GiST indexes dropped and built again afterwards (<see cref="StationBulkLoad"/>).
    /// </summary>
    public const int DefaultBulkLoadMaxStations = 50_000;

    private const string CreateStaging = """
        CREATE TEMP TABLE station_staging (
            external_id text NOT NULL, kind text NOT NULL, name text NOT NULL, address text, district text,
            lon double precision NOT NULL, lat double precision NOT NULL, amenities text[] NOT NULL,
            opening_hours text, truck_parking_spaces integer, max_vehicle_length_m double precision,
            hazmat_allowed boolean NOT NULL, phone text, host text, content_hash bigint NOT NULL, is_new boolean NOT NULL
        ) ON COMMIT DROP
        """;

    private const string CopyStaging = """
        COPY station_staging (external_id, kind, name, address, district, lon, lat, amenities, opening_hours,
                              truck_parking_spaces, max_vehicle_length_m, hazmat_allowed, phone, host, content_hash, is_new)
        FROM STDIN (FORMAT BINARY)
        """;

    // Staged stored rows differ by hash, but a hash can be unknown (NULL: written before hashes, or by another writer),
    // so the content is still compared: a row whose content is equal is not updated, only re-hashed below.
    private const string UpdateChanged = """
        UPDATE station t SET
            kind = g.kind, name = g.name, address = g.address, district = g.district,
            location = ST_SetSRID(ST_MakePoint(g.lon, g.lat), 4326), amenities = g.amenities, opening_hours = g.opening_hours,
            truck_parking_spaces = g.truck_parking_spaces, max_vehicle_length_m = g.max_vehicle_length_m,
            hazmat_allowed = g.hazmat_allowed, phone = g.phone, host = g.host, content_hash = g.content_hash,
            updated_at = now(), retired_at = NULL
        FROM station_staging g
        WHERE NOT g.is_new AND t.source = @source AND t.external_id = g.external_id
          AND (t.retired_at IS NOT NULL
               OR (t.kind, t.name, t.address, t.district, ST_X(t.location), ST_Y(t.location), t.amenities, t.opening_hours,
                   t.truck_parking_spaces, t.max_vehicle_length_m, t.hazmat_allowed, t.phone, t.host)
                  IS DISTINCT FROM
                  (g.kind, g.name, g.address, g.district, g.lon, g.lat, g.amenities, g.opening_hours, g.truck_parking_spaces,
                   g.max_vehicle_length_m, g.hazmat_allowed, g.phone, g.host))
        """;

    // Equal content under an unknown or outdated hash: record the hash so the next import skips the row.
    private const string RecordHashes = """
        UPDATE station t SET content_hash = g.content_hash
        FROM station_staging g
        WHERE NOT g.is_new AND t.source = @source AND t.external_id = g.external_id
          AND t.content_hash IS DISTINCT FROM g.content_hash
        """;

    // The rows are known to be new (the stored keys were read under the source lock), so no anti-join is needed.
    private const string InsertNew = """
        INSERT INTO station (source, external_id, kind, name, address, district, location, amenities,
                             opening_hours, truck_parking_spaces, max_vehicle_length_m, hazmat_allowed, phone, host, content_hash)
        SELECT @source, g.external_id, g.kind, g.name, g.address, g.district, ST_SetSRID(ST_MakePoint(g.lon, g.lat), 4326),
               g.amenities, g.opening_hours, g.truck_parking_spaces, g.max_vehicle_length_m, g.hazmat_allowed, g.phone, g.host,
               g.content_hash
        FROM station_staging g
        WHERE g.is_new
        """;

    private const string ReturningExternalId = " RETURNING t.external_id";

    // Runs of one source are serialised, so the stored keys read below stay true until this transaction ends.
    private const string LockSource = "SELECT pg_advisory_xact_lock(hashtextextended(@source, 0))";

    // With an index on staging the planner can join a few changed rows by nested loop; building it also records the
    // staging row count for the planner (an ANALYZE would cost four times as much).
    private const string IndexStaging = "CREATE INDEX ON station_staging (external_id)";

    private const string CreateMissing = "CREATE TEMP TABLE station_missing (external_id text NOT NULL) ON COMMIT DROP";
    private const string CopyMissing = "COPY station_missing (external_id) FROM STDIN (FORMAT BINARY)";

    private const string RetireMissing = """
        UPDATE station t SET retired_at = now(), updated_at = now()
        FROM station_missing m
        WHERE t.source = @source AND t.external_id = m.external_id AND t.retired_at IS NULL
        """;

    /// <summary>Stages and merges <paramref name="records"/> for <paramref name="source"/> within <paramref name="transaction"/>.</summary>
    /// <param name="retireMissing">A full refresh: stations of this source absent from the records are retired, never deleted.</param>
    public static Task<MergeCounts> MergeAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string source,
        IEnumerable<StationRecord> records,
        bool retireMissing,
        CancellationToken cancellationToken) =>
        MergeAsync(connection, transaction, source, _ => records.Select(StationMergeRow.Of), retireMissing, onChanged: null,
            DefaultBulkLoadMaxStations, cancellationToken);

    /// <summary>
    /// As the other overload, and tells <paramref name="onChanged"/> the external id of every inserted (true) or
    /// updated (false) station, so a caller can attribute each input row; unchanged rows are the staged rest.
    /// </summary>
    public static Task<MergeCounts> MergeAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string source,
        IEnumerable<StationRecord> records,
        bool retireMissing,
        Action<string, bool>? onChanged,
        CancellationToken cancellationToken) =>
        MergeAsync(connection, transaction, source, _ => records.Select(StationMergeRow.Of), retireMissing, onChanged,
            DefaultBulkLoadMaxStations, cancellationToken);

    /// <summary>
    /// As the other overloads, with the rows made once the source's stored stations are known (so the caller can skip
    /// the work for rows it can tell are unchanged), and the store size up to which a new source is bulk loaded.
    /// </summary>
    public static async Task<MergeCounts> MergeAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string source,
        Func<StoredStations, IEnumerable<StationMergeRow>> rows,
        bool retireMissing,
        Action<string, bool>? onChanged,
        int bulkLoadMaxStations,
        CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, LockSource, source, cancellationToken);
        var stored = await StoredStations.ReadAsync(connection, source, cancellationToken);
        var hash = new StationContentHash();
        if (await StationBulkLoad.AppliesAsync(connection, transaction, stored, bulkLoadMaxStations, cancellationToken))
        {
            var loaded = await StationBulkLoad.LoadAsync(connection, transaction, source, rows(stored), hash, onChanged, cancellationToken);
            return new MergeCounts(loaded, loaded, 0, 0, 0);
        }

        await ExecuteAsync(connection, transaction, CreateStaging, source: null, cancellationToken);
        long accepted = 0, staged = 0, fresh = 0;
        await using (var writer = await connection.BeginBinaryImportAsync(CopyStaging, cancellationToken))
        {
            // Synchronous writes: they only fill Npgsql's buffer (a send happens when it is full), and sixteen awaited
            // calls per row cost more than the row itself on a million-row import.
            foreach (var row in rows(stored))
            {
                cancellationToken.ThrowIfCancellationRequested();
                accepted++;
                var contentHash = row.ContentHash ?? hash.Of(row.Record!);
                var state = stored.See(row.ExternalId, contentHash);
                if (state == StoredState.Unchanged)
                {
                    continue;
                }
                var r = row.Record ?? throw new InvalidOperationException(
                    $"station '{row.ExternalId}' was passed as unchanged but its stored content differs");
                WriteStaged(writer, r, contentHash, isNew: state == StoredState.Absent);
                if (state == StoredState.Absent)
                {
                    // Told now rather than through the insert's RETURNING: a million ids back from the server cost
                    // as much as a second pass over the file. A failed merge throws, and callers drop what they were told.
                    onChanged?.Invoke(r.ExternalId, true);
                    fresh++;
                }
            }
            staged = (long)await writer.CompleteAsync(cancellationToken);
        }

        long updated = 0;
        if (staged > fresh)
        {
            await ExecuteAsync(connection, transaction, IndexStaging, source: null, cancellationToken);
            updated = await WriteChangesAsync(connection, transaction, UpdateChanged, source, onChanged, cancellationToken);
            await ExecuteAsync(connection, transaction, RecordHashes, source, cancellationToken);
        }

        long inserted = 0;
        if (fresh > 0)
        {
            inserted = await ExecuteAsync(connection, transaction, InsertNew, source, cancellationToken);
        }

        long retired = 0;
        if (retireMissing)
        {
            retired = await RetireAsync(connection, transaction, source, stored.LiveNotSeen(), cancellationToken);
        }

        return new MergeCounts(accepted, inserted, updated, accepted - inserted - updated, retired);
    }

    private static async Task<long> RetireAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string source, IEnumerable<string> missing,
        CancellationToken cancellationToken)
    {
        using var externalIds = missing.GetEnumerator();
        if (!externalIds.MoveNext())
        {
            return 0;
        }
        await ExecuteAsync(connection, transaction, CreateMissing, source: null, cancellationToken);
        await using (var writer = await connection.BeginBinaryImportAsync(CopyMissing, cancellationToken))
        {
            do
            {
                writer.StartRow();
                writer.Write(externalIds.Current, NpgsqlDbType.Text);
            }
            while (externalIds.MoveNext());
            await writer.CompleteAsync(cancellationToken);
        }
        return await ExecuteAsync(connection, transaction, RetireMissing, source, cancellationToken);
    }

    private static void WriteStaged(NpgsqlBinaryImporter writer, StationRecord r, long contentHash, bool isNew)
    {
        writer.StartRow();
        StationCopyRow.Write(writer, r, locationAsGeometry: false);
        writer.Write(contentHash, NpgsqlDbType.Bigint);
        writer.Write(isNew, NpgsqlDbType.Boolean);
    }

    // A merge takes as long as its input is large (a million rows on a busy server outlast the 30 s default);
    // callers stop it with the cancellation token instead.
    internal static async Task<long> ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, string? source, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        if (source is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string>("source", source));
        }
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> WriteChangesAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string sql,
        string source,
        Action<string, bool>? onChanged,
        CancellationToken cancellationToken)
    {
        if (onChanged is null)
        {
            return await ExecuteAsync(connection, transaction, sql, source, cancellationToken);
        }
        await using var command = new NpgsqlCommand(sql + ReturningExternalId, connection, transaction) { CommandTimeout = 0 };
        command.Parameters.Add(new NpgsqlParameter<string>("source", source));
        long count = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            onChanged(reader.GetString(0), false);
            count++;
        }
        return count;
    }
}

/// <summary>What a merge did: every accepted row (<c>Staged</c>) is exactly one of inserted, updated or unchanged.</summary>
public sealed record MergeCounts(long Staged, long Inserted, long Updated, long Unchanged, long Retired);
