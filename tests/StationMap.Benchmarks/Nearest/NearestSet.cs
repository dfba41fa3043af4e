namespace StationMap.Benchmarks.Nearest;

/// <summary>
/// The best k (distance, id) pairs seen so far, as a binary max-heap so the worst is at the root; smaller id wins a
/// tie. Pooled arrays keep a query free of garbage.
/// </summary>
internal ref struct NearestSet
{
    private readonly double[] _distances;
    private readonly int[] _ids;
    private readonly int _capacity;
    private int _count;

    public NearestSet(int capacity)
    {
        _capacity = capacity;
        _distances = Scratch.Distances(capacity);
        _ids = Scratch.Ids(capacity);
        _count = 0;
    }

    /// <summary>The distance a point must not exceed to enter; infinite until the set is full.</summary>
    public readonly double Worst => _count < _capacity ? double.PositiveInfinity : _distances[0];

    public void Offer(double distance, int id)
    {
        if (_count < _capacity)
        {
            var i = _count++;
            while (i > 0)
            {
                var parent = (i - 1) >> 1;
                if (!IsWorse(distance, id, _distances[parent], _ids[parent]))
                {
                    break;
                }
                _distances[i] = _distances[parent];
                _ids[i] = _ids[parent];
                i = parent;
            }
            _distances[i] = distance;
            _ids[i] = id;
            return;
        }
        if (!IsWorse(_distances[0], _ids[0], distance, id))
        {
            return;
        }
        SiftDown(distance, id, _count);
    }

    /// <summary>Empties the set into <paramref name="ids"/>, nearest first.</summary>
    public int CopySortedIds(Span<int> ids)
    {
        var n = _count;
        for (var last = n - 1; last >= 0; last--)
        {
            ids[last] = _ids[0];
            SiftDown(_distances[last], _ids[last], last);
        }
        _count = 0;
        return n;
    }

    private readonly void SiftDown(double distance, int id, int count)
    {
        var i = 0;
        while (true)
        {
            var child = 2 * i + 1;
            if (child >= count)
            {
                break;
            }
            if (child + 1 < count && IsWorse(_distances[child + 1], _ids[child + 1], _distances[child], _ids[child]))
            {
                child++;
            }
            if (!IsWorse(_distances[child], _ids[child], distance, id))
            {
                break;
            }
            _distances[i] = _distances[child];
            _ids[i] = _ids[child];
            i = child;
        }
        if (count > 0)
        {
            _distances[i] = distance;
            _ids[i] = id;
        }
    }

    private static bool IsWorse(double d1, int id1, double d2, int id2) => d1 > d2 || (d1 == d2 && id1 > id2);

    // One pair of arrays per thread, grown to the largest k asked.
    private static class Scratch
    {
        [ThreadStatic]
        private static double[]? s_distances;

        [ThreadStatic]
        private static int[]? s_ids;

        public static double[] Distances(int capacity) =>
            s_distances is { } d && d.Length >= capacity ? d : s_distances = new double[capacity];

        public static int[] Ids(int capacity) => s_ids is { } i && i.Length >= capacity ? i : s_ids = new int[capacity];
    }
}
