namespace StationMap.Store.Merging;

/// <summary>
/// What a merge did: every accepted row (<c>Staged</c>) is exactly one of inserted, updated or unchanged; <c>Retired</c>
/// counts the stored rows a full import retired or deleted because the input lacked them.
/// </summary>
public sealed record MergeCounts(long Staged, long Inserted, long Updated, long Unchanged, long Retired);
