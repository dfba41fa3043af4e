using Npgsql;
using StationMap.Store.Merging;

namespace StationMap.Store.Stations;

/// <summary>
/// A source's first import into a small store (the seeding of a new system): the rows go straight into the station
/// table by binary COPY, with no staging table, no join and no index maintenance; the keys and indexes are dropped
/// first and built again afterwards (<see cref="StationDeferredIndexes"/>), all in the merge's transaction. Measured on
/// a million rows: maintaining the geography and geometry GiST indexes row by row cost three times building them at
/// the end. The table (and the tables whose foreign keys reference it) are locked meanwhile, which in a store this
/// small costs readers little; a larger store takes the staged path, which keeps it readable.
/// </summary>
internal static class StationBulkLoad
{
    private const string CopyStations = """
        COPY station (external_id, kind, name, address, district, location, amenities, opening_hours, opening_hours_original,
                      truck_parking_spaces, max_vehicle_length_m, hazmat_allowed, phone, host, content_hash, source)
        FROM STDIN (FORMAT BINARY)
        """;

    private const string CountStations = "SELECT count(*) FROM station";

    // The identity's sequence is asked for each row's id: with its cache at 1 (the default) every call locks and
    // updates the sequence, and a thousand at a time took 12% off the backend's CPU in a million-row COPY. The old
    // setting is back before the commit; the ids this session had cached and not used are skipped, as unused cached
    // ids always are.
    private const int IdsCachedDuringLoad = 1024;

    private const string IdCache = """
        SELECT seqcache FROM pg_sequence WHERE seqrelid = pg_get_serial_sequence('station', 'id')::regclass
        """;

    // Each row's place (a place of its own until matching says otherwise) comes from a sequence of its own, asked
    // once per row the same way.
    private const string PlaceCache = "SELECT seqcache FROM pg_sequence WHERE seqrelid = 'place_id_seq'::regclass";

    /// <summary>Whether this merge is a bulk load: the source has no station yet and the store at most <paramref name="maxStations"/>.</summary>
    public static async Task<bool> AppliesAsync(StagedMerge merge, StoredStations stored, int maxStations, CancellationToken cancellationToken)
    {
        if (stored.Count > 0 || maxStations < 0)
        {
            return false;
        }
        await using var count = new NpgsqlCommand(CountStations, merge.Connection, merge.Transaction) { CommandTimeout = 0 };
        return (long)(await count.ExecuteScalarAsync(cancellationToken))! <= maxStations;
    }

    private static string SetIdCache(long cache) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"ALTER TABLE station ALTER COLUMN id SET CACHE {cache}");

    private static string SetPlaceCache(long cache) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"ALTER SEQUENCE place_id_seq CACHE {cache}");

    /// <summary>Loads <paramref name="rows"/> (all new: the source has none) and returns how many.</summary>
    public static async Task<long> LoadAsync(
        StagedMerge merge,
        string source,
        IEnumerable<StationMergeRow> rows,
        StationContentHash hash,
        Action<string, bool>? onChanged,
        Action? changesTold,
        CancellationToken cancellationToken)
    {
        var rebuild = await StationDeferredIndexes.DropAsync(merge, cancellationToken);
        var idCache = await ScalarAsync(merge, IdCache, cancellationToken);
        var placeCache = await ScalarAsync(merge, PlaceCache, cancellationToken);
        await merge.ExecuteAsync(SetIdCache(IdsCachedDuringLoad), cancellationToken);
        await merge.ExecuteAsync(SetPlaceCache(IdsCachedDuringLoad), cancellationToken);
        var loaded = await merge.CopyAsync(CopyStations, rows, (writer, row) =>
        {
            var r = row.Record ?? throw new InvalidOperationException(
                $"station '{row.ExternalId}' was passed as unchanged but its source has no station yet");
            StationCopyRow.Write(writer, r, locationAsGeometry: true);
            writer.Write(row.ContentHash ?? hash.Of(r));
            writer.Write(source);
            onChanged?.Invoke(r.ExternalId, true);
        }, cancellationToken);
        await merge.ExecuteAsync(SetIdCache(idCache), cancellationToken);
        await merge.ExecuteAsync(SetPlaceCache(placeCache), cancellationToken);
        changesTold?.Invoke();
        await StationDeferredIndexes.BuildAsync(merge, rebuild, cancellationToken);
        return loaded;
    }

    private static async Task<long> ScalarAsync(StagedMerge merge, string sql, CancellationToken cancellationToken)
    {
        await using var read = new NpgsqlCommand(sql, merge.Connection, merge.Transaction);
        return (long)(await read.ExecuteScalarAsync(cancellationToken))!;
    }
}
