namespace StationMap.Domain.Search;

/// <summary>
/// The best <c>capacity</c> items offered, by an order in which a positive comparison means "worse": a binary heap
/// with the worst kept item on top, so an item that cannot make the cut costs one comparison.
/// </summary>
internal sealed class BoundedHeap<T, TOrder>(int capacity) where TOrder : struct, IComparer<T>
{
    private readonly T[] _items = new T[Math.Max(capacity, 1)];
    private readonly int _capacity = capacity;

    public int Count { get; private set; }

    public bool IsFull => Count == _capacity;

    /// <summary>The worst item kept; only meaningful when <see cref="Count"/> is above 0.</summary>
    public T Worst => _items[0];

    public void Offer(T item)
    {
        if (_capacity == 0)
        {
            return;
        }
        var order = default(TOrder);
        if (Count < _capacity)
        {
            var i = Count++;
            while (i > 0)
            {
                var parent = (i - 1) >> 1;
                if (order.Compare(item, _items[parent]) <= 0)
                {
                    break;
                }
                _items[i] = _items[parent];
                i = parent;
            }
            _items[i] = item;
            return;
        }
        if (order.Compare(item, _items[0]) < 0)
        {
            SiftDown(item, Count);
        }
    }

    /// <summary>The kept items, best first; the heap is empty afterwards.</summary>
    public T[] TakeSorted()
    {
        var sorted = new T[Count];
        for (var last = Count - 1; last >= 0; last--)
        {
            sorted[last] = _items[0];
            SiftDown(_items[last], last);
        }
        Count = 0;
        return sorted;
    }

    private void SiftDown(T item, int count)
    {
        if (count == 0)
        {
            return;
        }
        var order = default(TOrder);
        var i = 0;
        while (true)
        {
            var child = 2 * i + 1;
            if (child >= count)
            {
                break;
            }
            if (child + 1 < count && order.Compare(_items[child + 1], _items[child]) > 0)
            {
                child++;
            }
            if (order.Compare(_items[child], item) <= 0)
            {
                break;
            }
            _items[i] = _items[child];
            i = child;
        }
        _items[i] = item;
    }
}
