using Npgsql;
using StationMap.Store.Merging;

namespace StationMap.Store.Stations;

/// <summary>
/// What a bulk load builds after its COPY instead of maintaining row by row, all inside its transaction: the station
/// table's key constraints (with the foreign keys of other tables that rest on them) and its indexes that back no
/// constraint (the GiST indexes, above all). Building a GiST index over a million points costs a fraction of
/// maintaining it through a million inserts; a sorted btree build of the two keys took a million-row COPY's backend
/// ~1 s less CPU (15%) than maintaining them, and ~90 MB less WAL, and may use parallel workers. The definitions come
/// from the catalogue, so the migrations stay the one place that says what they are.
/// </summary>
internal static class StationDeferredIndexes
{
    // In the order they are dropped: the foreign keys that reference the station table (they need its keys), its
    // primary and unique keys, then its other indexes. Names come from the catalogue, quoted by format(). The index of
    // hidden records stays: a bulk load's rows are all pins and never enter it, and building it again reads the table.
    private const string List = """
        SELECT 1 AS step, format('ALTER TABLE %s DROP CONSTRAINT %I', k.conrelid::regclass, k.conname),
               format('ALTER TABLE %s ADD CONSTRAINT %I %s', k.conrelid::regclass, k.conname, pg_get_constraintdef(k.oid))
        FROM pg_constraint k
        WHERE k.confrelid = 'station'::regclass AND k.contype = 'f'
        UNION ALL
        SELECT 2, format('ALTER TABLE station DROP CONSTRAINT %I', k.conname),
               format('ALTER TABLE station ADD CONSTRAINT %I %s', k.conname, pg_get_constraintdef(k.oid))
        FROM pg_constraint k
        WHERE k.conrelid = 'station'::regclass AND k.contype IN ('p', 'u')
        UNION ALL
        SELECT 3, format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
        FROM pg_index i
        WHERE i.indrelid = 'station'::regclass
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
          AND i.indexrelid <> 'station_hidden_idx'::regclass
        ORDER BY 1, 2
        """;

    // Enough for the sorted builds of a million rows to stay in memory; SET LOCAL ends with the transaction.
    private const string BuildMemory = "SET LOCAL maintenance_work_mem = '512MB'";

    /// <summary>Drops the keys, the foreign keys on them and the indexes; returns the statements that build them again.</summary>
    public static async Task<IReadOnlyList<string>> DropAsync(StagedMerge merge, CancellationToken cancellationToken)
    {
        var structures = new List<(int Step, string Drop, string Build)>();
        await using (var list = new NpgsqlCommand(List, merge.Connection, merge.Transaction))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                structures.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
            }
        }
        foreach (var (_, drop, _) in structures)
        {
            await merge.ExecuteAsync(drop, cancellationToken);
        }
        // The keys first (the foreign keys are checked against them), then the foreign keys, then the other indexes.
        return structures.OrderBy(s => s.Step switch { 2 => 0, 1 => 1, _ => 2 }).Select(s => s.Build).ToList();
    }

    public static async Task BuildAsync(StagedMerge merge, IReadOnlyList<string> statements, CancellationToken cancellationToken)
    {
        await merge.ExecuteAsync(BuildMemory, cancellationToken);
        foreach (var statement in statements)
        {
            await merge.ExecuteAsync(statement, cancellationToken);
        }
    }
}
