using Npgsql;
using StationMap.Domain;
using StationMap.Store.Merging;

namespace StationMap.Store.Stations;

/// <summary>
/// Writes a source's stations into the store. The source's stored keys and content hashes are read first, so the
/// client knows which rows are unchanged (skipped by <see cref="ChangedStations"/>: an unchanged re-import writes no
/// station), new or changed; only those are staged (<see cref="StagedMerge"/>), and from there go into an update and
/// an insert. A full import retires the stored stations the input lacks: kept, with <c>retired_at</c>, never deleted.
/// Runs inside the caller's transaction so that a failure anywhere leaves the store as it was.
/// </summary>
public static class StationMerge
{
    /// <summary>
    /// A source's first import into a store of at most this many stations is a bulk load: straight into the table by
    /// COPY, with the GiST indexes dropped and built again afterwards (<see cref="StationBulkLoad"/>).
    /// </summary>
    public const int DefaultBulkLoadMaxStations = 50_000;

    private const string Staging = "station_staging";

    private const string StagingColumns = """
        external_id text NOT NULL, kind text NOT NULL, name text NOT NULL, address text, district text,
        lon double precision NOT NULL, lat double precision NOT NULL, amenities text[] NOT NULL,
        opening_hours text, opening_hours_original text, truck_parking_spaces integer, max_vehicle_length_m double precision,
        hazmat_allowed boolean NOT NULL, phone text, host text, content_hash bigint NOT NULL, is_new boolean NOT NULL
        """;

    // Staged stored rows differ by hash, but a hash can be unknown (NULL: written before hashes, or by another writer),
    // so the content is still compared: a row whose content is equal is not updated, only re-hashed below.
    private const string UpdateChanged = """
        UPDATE station t SET
            kind = g.kind, name = g.name, address = g.address, district = g.district,
            location = ST_SetSRID(ST_MakePoint(g.lon, g.lat), 4326), amenities = g.amenities, opening_hours = g.opening_hours,
            opening_hours_original = g.opening_hours_original,
            truck_parking_spaces = g.truck_parking_spaces, max_vehicle_length_m = g.max_vehicle_length_m,
            hazmat_allowed = g.hazmat_allowed, phone = g.phone, host = g.host, content_hash = g.content_hash,
            updated_at = now(), retired_at = NULL
        FROM station_staging g
        WHERE NOT g.is_new AND t.source = @source AND t.external_id = g.external_id
          AND (t.retired_at IS NOT NULL
               OR (t.kind, t.name, t.address, t.district, ST_X(t.location), ST_Y(t.location), t.amenities, t.opening_hours,
                   t.opening_hours_original, t.truck_parking_spaces, t.max_vehicle_length_m, t.hazmat_allowed, t.phone, t.host)
                  IS DISTINCT FROM
                  (g.kind, g.name, g.address, g.district, g.lon, g.lat, g.amenities, g.opening_hours, g.opening_hours_original,
                   g.truck_parking_spaces, g.max_vehicle_length_m, g.hazmat_allowed, g.phone, g.host))
        RETURNING t.external_id, false
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
                             opening_hours, opening_hours_original, truck_parking_spaces, max_vehicle_length_m, hazmat_allowed,
                             phone, host, content_hash)
        SELECT @source, g.external_id, g.kind, g.name, g.address, g.district, ST_SetSRID(ST_MakePoint(g.lon, g.lat), 4326),
               g.amenities, g.opening_hours, g.opening_hours_original, g.truck_parking_spaces, g.max_vehicle_length_m, g.hazmat_allowed, g.phone, g.host,
               g.content_hash
        FROM station_staging g
        WHERE g.is_new
        """;

    // With an index on staging the planner can join a few changed rows by nested loop; building it also records the
    // staging row count for the planner (an ANALYZE would cost four times as much).
    private const string IndexStaging = "CREATE INDEX ON station_staging (external_id)";

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
            changesTold: null, DefaultBulkLoadMaxStations, cancellationToken);

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
            changesTold: null, DefaultBulkLoadMaxStations, cancellationToken);

    /// <summary>
    /// As the other overloads, with the rows made once the source's stored stations are known (so the caller can skip
    /// the work for rows it can tell are unchanged), and the store size up to which a new source is bulk loaded.
    /// <paramref name="changesTold"/> is called once every row has been read and every change told to
    /// <paramref name="onChanged"/>, while the server still has work to do (building indexes, inserting, retiring):
    /// a caller can use the wait.
    /// </summary>
    public static async Task<MergeCounts> MergeAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string source,
        Func<StoredStations, IEnumerable<StationMergeRow>> rows,
        bool retireMissing,
        Action<string, bool>? onChanged,
        Action? changesTold,
        int bulkLoadMaxStations,
        CancellationToken cancellationToken)
    {
        var merge = new StagedMerge(connection, transaction, source);
        // Runs of one source are serialised, so the stored keys read below stay true until this transaction ends.
        // Stations lock the bare source name (the other tables prefix theirs), as they always have.
        await merge.LockAsync(scope: "", cancellationToken);
        var stored = await StoredStations.ReadAsync(connection, source, cancellationToken);
        var hash = new StationContentHash();
        if (await StationBulkLoad.AppliesAsync(merge, stored, bulkLoadMaxStations, cancellationToken))
        {
            var loaded = await StationBulkLoad.LoadAsync(merge, source, rows(stored), hash, onChanged, changesTold, cancellationToken);
            return new MergeCounts(loaded, loaded, 0, 0, 0);
        }

        var changed = new ChangedStations(stored, hash, onChanged);
        var staged = await merge.StageAsync(Staging, StagingColumns, changed.Of(rows(stored), cancellationToken), WriteStaged, cancellationToken);

        long updated = 0;
        if (staged > changed.New)
        {
            await merge.ExecuteAsync(IndexStaging, cancellationToken);
            (_, updated) = await merge.ChangesAsync(UpdateChanged, onChanged, cancellationToken);
            changesTold?.Invoke();
            await merge.ExecuteAsync(RecordHashes, cancellationToken);
        }
        else
        {
            changesTold?.Invoke();
        }

        var inserted = changed.New > 0 ? await merge.ExecuteAsync(InsertNew, cancellationToken) : 0;
        var retired = retireMissing ? await RetireAsync(merge, stored.LiveNotSeen(), cancellationToken) : 0;
        return new MergeCounts(changed.Accepted, inserted, updated, changed.Accepted - inserted - updated, retired);
    }

    private static async Task<long> RetireAsync(StagedMerge merge, IEnumerable<string> missing, CancellationToken cancellationToken)
    {
        var externalIds = missing.ToList();
        if (externalIds.Count == 0)
        {
            return 0;
        }
        await merge.StageAsync("station_missing", "external_id text NOT NULL", externalIds,
            (writer, externalId) => writer.Write(externalId), cancellationToken);
        return await merge.ExecuteAsync(RetireMissing, cancellationToken);
    }

    private static void WriteStaged(CopyRowWriter writer, StagedStation station)
    {
        StationCopyRow.Write(writer, station.Record, locationAsGeometry: false);
        writer.Write(station.ContentHash);
        writer.Write(station.IsNew);
    }
}
