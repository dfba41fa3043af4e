using Npgsql;
using StationMap.Store.Merging;

namespace StationMap.Store.Stations;

/// <summary>
/// The station table's indexes that back no constraint (the GiST indexes, above all): a bulk load drops them and
/// builds them again afterwards, inside its transaction, because building a GiST index over a million points costs a
/// fraction of maintaining it through a million inserts. Their definitions come from the catalogue, so the migrations
/// stay the one place that says what they are.
/// </summary>
internal static class StationSecondaryIndexes
{
    private const string List = """
        SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), pg_get_indexdef(i.indexrelid)
        FROM pg_index i
        JOIN pg_class c ON c.oid = i.indexrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE i.indrelid = 'station'::regclass
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
        ORDER BY c.relname
        """;

    // Enough for the sorted GiST build of a million points to stay in memory; SET LOCAL ends with the transaction.
    private const string BuildMemory = "SET LOCAL maintenance_work_mem = '512MB'";

    /// <summary>Drops the indexes and returns the statements that build them again.</summary>
    public static async Task<IReadOnlyList<string>> DropAsync(StagedMerge merge, CancellationToken cancellationToken)
    {
        var indexes = new List<(string Name, string Definition)>();
        await using (var list = new NpgsqlCommand(List, merge.Connection, merge.Transaction))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        foreach (var (name, _) in indexes)
        {
            await merge.ExecuteAsync("DROP INDEX " + name, cancellationToken);
        }
        return indexes.Select(i => i.Definition).ToList();
    }

    public static async Task BuildAsync(StagedMerge merge, IReadOnlyList<string> definitions, CancellationToken cancellationToken)
    {
        await merge.ExecuteAsync(BuildMemory, cancellationToken);
        foreach (var definition in definitions)
        {
            await merge.ExecuteAsync(definition, cancellationToken);
        }
    }
}
