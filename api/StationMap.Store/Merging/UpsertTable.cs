namespace StationMap.Store.Merging;

/// <summary>
/// A table that imports merge into by upsert on (source, external_id), as <see cref="UpsertMerge"/> does: its staging
/// columns and how one record is written into them. Table and column names are constants of the Store, never input.
/// </summary>
/// <param name="StagingColumns">
/// Column definitions: <c>external_id</c>, the <paramref name="Compared"/> columns, then <c>lon</c> and <c>lat</c>,
/// in the order <paramref name="Write"/> writes them.
/// </param>
/// <param name="Compared">The columns besides the location that make a stored row changed, as named in both tables.</param>
/// <param name="KeepsUpdatedAt">Whether the table has an <c>updated_at</c> that a change sets.</param>
internal sealed record UpsertTable<T>(
    string Name, string StagingColumns, string[] Compared, bool KeepsUpdatedAt, Action<CopyRowWriter, T> Write);
