namespace StationMap.Domain.Search;

/// <summary>
/// The names, whole and without their generic suffixes, sorted: the names a query is, or begins, found by binary
/// search instead of by reading every name that holds its characters.
/// </summary>
internal sealed class NameKeys
{
    private readonly string[] _keys;
    private readonly int[] _values;

    public NameKeys(IReadOnlyList<string> texts, IReadOnlyList<string?> cores, int nameEnd)
    {
        var keys = new List<(string Key, int Value)>(2 * nameEnd);
        for (var v = 0; v < nameEnd; v++)
        {
            keys.Add((texts[v], v));
            if (cores[v] is { Length: > 0 } core && core != texts[v])
            {
                keys.Add((core, v));
            }
        }
        keys.Sort((a, b) => a.Key != b.Key ? string.CompareOrdinal(a.Key, b.Key) : a.Value.CompareTo(b.Value));
        _keys = [.. keys.Select(k => k.Key)];
        _values = [.. keys.Select(k => k.Value)];
    }

    /// <summary>The name values one of whose keys is <paramref name="text"/> (a value may come twice).</summary>
    public ArraySegment<int> Equal(string text) => Between(text, text + '\0');

    /// <summary>The name values one of whose keys begins with <paramref name="prefix"/> (a value may come twice).</summary>
    public ArraySegment<int> StartingWith(string prefix) => Between(prefix, prefix + '\uffff');

    // Normalised text holds letters and digits only, so no key holds U+0000 or U+FFFF: [text, text + U+0000) is the key
    // itself and [prefix, prefix + U+FFFF) every key that begins with the prefix.
    private ArraySegment<int> Between(string from, string to)
    {
        var start = LowerBound(from);
        return new ArraySegment<int>(_values, start, LowerBound(to) - start);
    }

    private int LowerBound(string key)
    {
        var (low, high) = (0, _keys.Length);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (string.CompareOrdinal(_keys[middle], key) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }
}
