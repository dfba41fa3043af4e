using StationMap.Domain.Queries;

namespace StationMap.Domain.Nearest;

/// <summary>
/// One page of a <see cref="StationListQuery"/> from the index: the positions of its stations by id (ascending,
/// whichever way the cursor reads), how many stations match the query's filters in all (the cursor aside), and
/// whether more follow beyond the page in the cursor's direction.
/// </summary>
public readonly record struct StationListPage(IReadOnlyList<int> Positions, int Matched, bool More)
{
    private static readonly BoundingBox World = new(-180, -90, 180, 90);

    /// <summary>
    /// One pass over the stations in the boxes: each one that passes the filters is counted, and a heap of Limit + 1
    /// keeps those nearest the cursor (the farthest on top), so the count costs nothing beyond the page's own pass and
    /// the one past the limit tells whether another page follows.
    /// </summary>
    public static StationListPage Of(StationIndex index, StationListQuery query)
    {
        var filter = new NearestFilter(query.Kinds, query.Amenities, default, openNow: false, now: default);
        var cursor = query.Cursor;
        var limit = query.Limit;
        // Keyed so that the top is the station farthest from the cursor: the largest id reading forward, the smallest back.
        var heap = new PriorityQueue<int, long>(limit + 1, Comparer<long>.Create(static (a, b) => b.CompareTo(a)));
        var matched = 0;
        foreach (var box in query.Boxes.Count == 0 ? [World] : query.Boxes)
        {
            foreach (var p in index.Grid.InBox(box))
            {
                if (!filter.MatchesTraits(index.TraitsAt(p))
                    || (query.District is { } district && !string.Equals(index.Districts[p], district, StringComparison.Ordinal)))
                {
                    continue;
                }
                matched++;
                var id = index.Ids[p];
                if (!cursor.Admits(id))
                {
                    continue;
                }
                var key = cursor.Backward ? -id : id;
                if (heap.Count <= limit)
                {
                    heap.Enqueue(p, key);
                }
                else if (heap.TryPeek(out _, out var farthest) && key < farthest)
                {
                    heap.DequeueEnqueue(p, key);
                }
            }
        }
        var more = heap.Count > limit;
        if (more)
        {
            heap.Dequeue();
        }
        var positions = new int[heap.Count];
        // The heap gives the farthest first: reading forward that is the largest id, so fill from the end.
        for (var i = 0; heap.TryDequeue(out var p, out _); i++)
        {
            positions[cursor.Backward ? i : positions.Length - 1 - i] = p;
        }
        return new StationListPage(positions, matched, more);
    }
}
