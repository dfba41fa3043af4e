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
    /// Below this many new rows a merge inserts through the table's indexes; at or above it, and when the new rows are
    /// at least as many as the table already holds, it drops the GiST indexes and builds them again after the insert.
    /// </summary>
    public const int DefaultBulkLoadMinRows = 50_000;

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

    private const string CountStations = "SELECT count(*) FROM station";

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
            DefaultBulkLoadMinRows, cancellationToken);

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
            DefaultBulkLoadMinRows, cancellationToken);

    /// <summary>
    /// As the other overloads, with the rows made once the source's stored stations are known (so the caller can skip
    /// the work for rows it can tell are unchanged), and the number of new rows from which a bulk load rebuilds the indexes.
    /// </summary>
    public static async Task<MergeCounts> MergeAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string source,
        Func<StoredStations, IEnumerable<StationMergeRow>> rows,
        bool retireMissing,
        Action<string, bool>? onChanged,
        int bulkLoadMinRows,
        CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, CreateStaging, source: null, cancellationToken);
        await ExecuteAsync(connection, transaction, LockSource, source, cancellationToken);
        var stored = await StoredStations.ReadAsync(connection, source, cancellationToken);

        long accepted = 0, unchanged = 0, staged = 0, fresh = 0;
        var hash = new StationContentHash();
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
                    unchanged++;
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
            inserted = await InsertAsync(connection, transaction, source, fresh, bulkLoadMinRows, cancellationToken);
        }

        long retired = 0;
        if (retireMissing)
        {
            retired = await RetireAsync(connection, transaction, source, stored.LiveNotSeen(), cancellationToken);
        }

        return new MergeCounts(accepted, inserted, updated, accepted - inserted - updated, retired);
    }

    private static async Task<long> InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string source, long fresh, int bulkLoadMinRows,
        CancellationToken cancellationToken)
    {
        var bulk = false;
        if (fresh >= bulkLoadMinRows)
        {
            await using var count = new NpgsqlCommand(CountStations, connection, transaction) { CommandTimeout = 0 };
            bulk = fresh >= (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }
        var rebuild = bulk ? await StationSecondaryIndexes.DropAsync(connection, transaction, cancellationToken) : [];
        var inserted = await ExecuteAsync(connection, transaction, InsertNew, source, cancellationToken);
        if (bulk)
        {
            await StationSecondaryIndexes.BuildAsync(connection, transaction, rebuild, cancellationToken);
        }
        return inserted;
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
        writer.Write(r.ExternalId, NpgsqlDbType.Text);
        writer.Write(r.Kind.ToWire(), NpgsqlDbType.Text);
        writer.Write(r.Name, NpgsqlDbType.Text);
        WriteNullable(writer, r.Address, NpgsqlDbType.Text);
        WriteNullable(writer, r.District, NpgsqlDbType.Text);
        writer.Write(r.Lon, NpgsqlDbType.Double);
        writer.Write(r.Lat, NpgsqlDbType.Double);
        writer.Write(Amenities.ToWire(r.Amenities), NpgsqlDbType.Array | NpgsqlDbType.Text);
        WriteNullable(writer, r.OpeningHours, NpgsqlDbType.Text);
        WriteNullable(writer, r.TruckParkingSpaces, NpgsqlDbType.Integer);
        WriteNullable(writer, r.MaxVehicleLengthM, NpgsqlDbType.Double);
        writer.Write(r.HazmatAllowed, NpgsqlDbType.Boolean);
        WriteNullable(writer, r.Phone, NpgsqlDbType.Text);
        WriteNullable(writer, r.Host, NpgsqlDbType.Text);
        writer.Write(contentHash, NpgsqlDbType.Bigint);
        writer.Write(isNew, NpgsqlDbType.Boolean);
    }

    // A merge takes as long as its input is large (a million rows on a busy server outlast the 30 s default);
    // callers stop it with the cancellation token instead.
    private static async Task<long> ExecuteAsync(
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

    private static void WriteNullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } v)
        {
            writer.Write(v, type);
        }
        else
        {
            writer.WriteNull();
        }
    }

    private static void WriteNullable(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, type);
        }
    }
}

/// <summary>What a merge did: every accepted row (<c>Staged</c>) is exactly one of inserted, updated or unchanged.</summary>
public sealed record MergeCounts(long Staged, long Inserted, long Updated, long Unchanged, long Retired);
