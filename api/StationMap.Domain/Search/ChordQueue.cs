namespace StationMap.Domain.Search;

/// <summary>
/// A binary min-heap of items keyed by a squared chord to the searcher: what a <see cref="StationStream"/> hands out
/// next. Unlike the nearest search's per-thread queue, several live at once in one search (one per match tier); each
/// thread keeps its own in <see cref="SearchScratch"/>, so a search allocates none once the thread has run a large one.
/// </summary>
internal sealed class ChordQueue(int capacity)
{
    private Entry[] _entries = new Entry[Math.Max(capacity, 16)];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    public double TopKey => _entries[0].Key;

    public int TopItem => _entries[0].Item;

    public void Push(double key, int item)
    {
        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }
        var i = Count++;
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

    /// <summary>Adds an item without keeping the heap order; call <see cref="Heapify"/> before the first pop.</summary>
    public void Append(double key, int item)
    {
        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }
        _entries[Count++] = new Entry(key, item);
    }

    /// <summary>Orders appended items in O(n) (Floyd's construction).</summary>
    public void Heapify()
    {
        for (var i = (Count >> 1) - 1; i >= 0; i--)
        {
            SiftDown(i, _entries[i]);
        }
    }

    public void Pop()
    {
        var last = _entries[--Count];
        if (Count > 0)
        {
            SiftDown(0, last);
        }
    }

    private void SiftDown(int i, Entry entry)
    {
        while (true)
        {
            var child = 2 * i + 1;
            if (child >= Count)
            {
                break;
            }
            if (child + 1 < Count && _entries[child + 1].Key < _entries[child].Key)
            {
                child++;
            }
            if (entry.Key <= _entries[child].Key)
            {
                break;
            }
            _entries[i] = _entries[child];
            i = child;
        }
        _entries[i] = entry;
    }

    private readonly record struct Entry(double Key, int Item);
}
