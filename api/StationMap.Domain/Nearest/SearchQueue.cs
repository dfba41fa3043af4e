namespace StationMap.Domain.Nearest;

/// <summary>
/// The frontier of a best-first search (Hjaltason and Samet, "Distance browsing in spatial databases", 1999): subtrees
/// and single stations keyed by a lower bound of their squared chord to the query, smallest first. A binary min-heap
/// on an array kept per thread, so a query allocates nothing once the thread has seen a large one.
/// </summary>
internal ref struct SearchQueue
{
    [ThreadStatic]
    private static Entry[]? t_entries;

    private Entry[] _entries;
    private int _count;

    public SearchQueue()
    {
        _entries = t_entries ??= new Entry[256];
        _count = 0;
    }

    public void Push(double key, int item)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
            t_entries = _entries;
        }
        var i = _count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (_entries[parent].Key <= key)
            {
                break;
            }
            _entries[i] = _entries[parent];
            i = parent;
        }
        _entries[i] = new Entry(key, item);
    }

    public bool TryPop(out double key, out int item)
    {
        if (_count == 0)
        {
            key = 0;
            item = 0;
            return false;
        }
        (key, item) = _entries[0];
        var last = _entries[--_count];
        var i = 0;
        while (true)
        {
            var child = 2 * i + 1;
            if (child >= _count)
            {
                break;
            }
            if (child + 1 < _count && _entries[child + 1].Key < _entries[child].Key)
            {
                child++;
            }
            if (last.Key <= _entries[child].Key)
            {
                break;
            }
            _entries[i] = _entries[child];
            i = child;
        }
        _entries[i] = last;
        return true;
    }

    private readonly record struct Entry(double Key, int Item);
}
