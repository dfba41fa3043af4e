using StationMap.Domain.Queries;

namespace StationMap.Domain.Nearest;

/// <summary>One page of an <see cref="InViewQuery"/> from the index: positions of its stations by id, and whether more follow.</summary>
public readonly record struct InViewPage(IReadOnlyList<int> Positions, bool More)
{
    /// <summary>
    /// The first <c>Limit</c> stations in the box that pass the filters and have an id above <c>AfterId</c>, by id.
    /// One pass over the box with a heap of Limit + 1 (largest id on top), which a station with a larger id than all of
    /// them does not touch: the one past the limit tells whether a next page exists.
    /// </summary>
    public static InViewPage Of(StationIndex index, InViewQuery query, DateTimeOffset now)
    {
        var filter = new NearestFilter(query, now);
        var limit = query.Limit;
        var heap = new PriorityQueue<int, long>(limit + 1, Comparer<long>.Create(static (a, b) => b.CompareTo(a)));
        foreach (var p in index.Grid.InBox(query.Box))
        {
            var id = index.Ids[p];
            if (id <= query.AfterId || (heap.Count > limit && heap.TryPeek(out _, out var largest) && id >= largest) || !index.Passes(p, filter))
            {
                continue;
            }
            if (heap.Count <= limit)
            {
                heap.Enqueue(p, id);
            }
            else
            {
                heap.DequeueEnqueue(p, id);
            }
        }
        var more = heap.Count > limit;
        if (more)
        {
            heap.Dequeue();
        }
        var positions = new int[heap.Count];
        for (var i = positions.Length - 1; heap.TryDequeue(out var p, out _); i--)
        {
            positions[i] = p;
        }
        return new InViewPage(positions, more);
    }
}
