namespace StationMap.Domain.Queries;

/// <summary>
/// Where a page of a list ordered by id starts: after an id (reading forward; after 0 is the first page, ids being
/// positive) or before one (reading back, for a "previous" link). A keyset rather than an offset, so a page deep in
/// a long list costs what the first does.
/// </summary>
public readonly record struct PageCursor(long Id, bool Backward)
{
    /// <summary>The first page: every id is above 0.</summary>
    public static PageCursor First => new(0, Backward: false);

    public static PageCursor After(long id) => new(id, Backward: false);

    public static PageCursor Before(long id) => new(id, Backward: true);

    public bool IsFirst => !Backward && Id <= 0;

    /// <summary>Whether an item with <paramref name="id"/> lies on the page's side of the cursor.</summary>
    public bool Admits(long id) => Backward ? id < Id : id > Id;
}
