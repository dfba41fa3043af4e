namespace StationMap.DemoData;

/// <summary>Items with integer weights, drawn with one integer draw so the choice is the same on every machine.</summary>
internal sealed class WeightedTable<T>
{
    private readonly T[] items;
    private readonly int[] cumulative;

    public WeightedTable(params (T Item, int Weight)[] entries)
    {
        items = new T[entries.Length];
        cumulative = new int[entries.Length];
        var total = 0;
        for (var i = 0; i < entries.Length; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(entries[i].Weight);
            items[i] = entries[i].Item;
            total = checked(total + entries[i].Weight);
            cumulative[i] = total;
        }
    }

    public static WeightedTable<T> Uniform(IEnumerable<T> items) => new(items.Select(item => (item, 1)).ToArray());

    public T Pick(Random random)
    {
        var draw = random.Next(cumulative[^1]);
        var low = 0;
        var high = cumulative.Length - 1;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (cumulative[mid] > draw)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }
        return items[low];
    }
}
