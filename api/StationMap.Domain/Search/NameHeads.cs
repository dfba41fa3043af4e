namespace StationMap.Domain.Search;

/// <summary>
/// The first two characters and the length of every name and its core: whether a name is, or begins with, a query of
/// one or two characters is read from these small arrays instead of from the name's string.
/// </summary>
internal sealed class NameHeads
{
    private readonly uint[] _heads;
    private readonly uint[] _coreHeads;
    private readonly int[] _lengths;
    private readonly int[] _coreLengths;

    public NameHeads(IReadOnlyList<string> texts, IReadOnlyList<string?> cores, int nameEnd)
    {
        (_heads, _coreHeads, _lengths, _coreLengths) = (new uint[nameEnd], new uint[nameEnd], new int[nameEnd], new int[nameEnd]);
        for (var v = 0; v < nameEnd; v++)
        {
            (_heads[v], _lengths[v]) = (Head(texts[v]), texts[v].Length);
            (_coreHeads[v], _coreLengths[v]) = (Head(cores[v]!), cores[v]!.Length);
        }
    }

    /// <summary>
    /// The tier of a name that holds <paramref name="query"/> (one or two characters): 4 when it is the name or its
    /// core, 3 when one of them begins with it, else 2.
    /// </summary>
    public int TierOf(int value, string query)
    {
        var head = Head(query);
        var mask = query.Length == 1 ? 0xFFFF_0000u : 0xFFFF_FFFFu;
        if ((_lengths[value] == query.Length && _heads[value] == head) || (_coreLengths[value] == query.Length && _coreHeads[value] == head))
        {
            return 4;
        }
        return (_heads[value] & mask) == head || (_coreHeads[value] & mask) == head ? 3 : 2;
    }

    // The first two characters as one number (the second 0 when there is one).
    private static uint Head(string text) => text.Length switch
    {
        0 => 0,
        1 => (uint)text[0] << 16,
        _ => ((uint)text[0] << 16) | text[1],
    };
}
