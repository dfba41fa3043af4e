namespace StationMap.Store.Merging;

/// <summary>
/// The merge of the tables that keep no history (demand points, candidate sites, checkpoints): the rows are staged,
/// then one upsert by (source, external_id) writes the new and changed ones and leaves the unchanged ones alone
/// (neither written nor locked). When asked, the source's rows the input lacks are deleted.
/// </summary>
internal static class UpsertMerge
{
    public static async Task<MergeCounts> MergeAsync<T>(
        StagedMerge merge, UpsertTable<T> table, IEnumerable<T> records, bool deleteMissing, Action<string, bool>? onChanged,
        CancellationToken cancellationToken)
    {
        // Runs of one source are serialised, so the comparison below cannot race another run of the same source.
        await merge.LockAsync(table.Name + ":", cancellationToken);
        var staging = table.Name + "_staging";
        var staged = await merge.StageAsync(staging, table.StagingColumns, records, table.Write, cancellationToken);
        await merge.ExecuteAsync($"CREATE INDEX ON {staging} (external_id)", cancellationToken);
        var (inserted, updated) = await merge.ChangesAsync(Upsert(table, staging), onChanged, cancellationToken);
        var deleted = deleteMissing ? await merge.ExecuteAsync(DeleteMissing(table, staging), cancellationToken) : 0;
        return new MergeCounts(staged, inserted, updated, staged - inserted - updated, deleted);
    }

    // xmax = 0 on a RETURNING row means it was inserted.
    private static string Upsert<T>(UpsertTable<T> table, string staging)
    {
        var compared = string.Join(", ", table.Compared);
        var set = string.Join(", ", table.Compared.Select(c => $"{c} = EXCLUDED.{c}"));
        return $"""
            WITH changed AS (
                SELECT g.* FROM {staging} g
                LEFT JOIN {table.Name} t ON t.source = @source AND t.external_id = g.external_id
                WHERE t.id IS NULL
                   OR ({Prefixed("t", table.Compared)}, ST_X(t.location), ST_Y(t.location))
                      IS DISTINCT FROM ({Prefixed("g", table.Compared)}, g.lon, g.lat)
            ), merged AS (
                INSERT INTO {table.Name} AS t (source, {compared}, external_id, location)
                SELECT @source, {compared}, external_id, ST_SetSRID(ST_MakePoint(lon, lat), 4326) FROM changed
                ON CONFLICT (source, external_id) DO UPDATE SET {set}, location = EXCLUDED.location{(table.KeepsUpdatedAt ? ", updated_at = now()" : "")}
                RETURNING t.external_id, (xmax = 0) AS inserted
            )
            SELECT external_id, inserted FROM merged
            """;
    }

    private static string DeleteMissing<T>(UpsertTable<T> table, string staging) =>
        $"DELETE FROM {table.Name} t WHERE t.source = @source AND NOT EXISTS (SELECT 1 FROM {staging} g WHERE g.external_id = t.external_id)";

    private static string Prefixed(string alias, string[] columns) => string.Join(", ", columns.Select(c => $"{alias}.{c}"));
}
