using StationMap.Domain.Nearest;

namespace StationMap.Domain.Search;

/// <summary>
/// The stations of one <see cref="StationIndex"/> by the text of their names, addresses, districts and hosts, built
/// with it (so it follows the same reloads and holds the same live stations) and immutable like it.
/// </summary>
/// <remarks>
/// Stations share most of their texts (a million generated stations have 72,000 names, 233,000 addresses, 29
/// districts and 9 hosts), so the index is over distinct normalised texts ("values"): each value knows its stations,
/// and every single character and character pair of a value points back to it (an inverted index of unigrams and
/// bigrams, the usual way to search Chinese without a word segmenter). A query's values are the intersection of its
/// pairs' lists, checked against the text; <see cref="SearchRun"/> turns them into ranked stations.
/// Stations are also numbered by rank (shorter name without its generic suffixes first, then id), the order of an
/// answer without a position, and each field's values by their first station's rank, so that an answer without a
/// position reads the lists only until their values' first stations rank too low to enter it.
/// </remarks>
public sealed class StationSearchIndex
{
    internal StationIndex Stations { get; }

    /// <summary>Normalised texts; for names the whole name (the name without its generic suffixes is in <see cref="Cores"/>).</summary>
    internal string[] Texts { get; }

    internal string?[] Cores { get; }

    /// <summary>Values below this are names, then addresses, districts and hosts in ranges.</summary>
    internal int NameEnd { get; }

    internal int AddressEnd { get; }

    internal int DistrictEnd { get; }

    /// <summary>How many values there are; also the value of a station that has no such field.</summary>
    internal int ValueCount => Texts.Length;

    /// <summary>Each station's value per field, by index position (<see cref="ValueCount"/> when it has none).</summary>
    internal int[] NameOf { get; }

    internal int[] AddressOf { get; }

    internal int[] DistrictOf { get; }

    internal int[] HostOf { get; }

    internal int[] RankToPosition { get; }

    internal int[] PositionToRank { get; }

    // Each value's stations, by rank ascending: _stationRanks[_stationStart[v].._stationStart[v + 1]].
    private readonly int[] _stationStart;
    private readonly int[] _stationRanks;

    // Each gram's values, ascending: _postings[_postingStart[slot].._postingStart[slot + 1]].
    private readonly Dictionary<uint, int> _gramSlots;
    private readonly int[] _postingStart;
    private readonly int[] _postings;
    private readonly GramStats _gramStats;

    private StationSearchIndex(
        StationIndex stations, ValueTable values, int[] rankToPosition, int[] stationStart, int[] stationRanks, GramPostings postings)
    {
        Stations = stations;
        Texts = [.. values.Texts];
        Cores = [.. values.Cores];
        (NameEnd, AddressEnd, DistrictEnd) = (values.NameEnd, values.AddressEnd, values.DistrictEnd);
        (NameOf, AddressOf, DistrictOf, HostOf) = (values.Name, values.Address, values.District, values.Host);
        RankToPosition = rankToPosition;
        PositionToRank = new int[rankToPosition.Length];
        for (var r = 0; r < rankToPosition.Length; r++)
        {
            PositionToRank[rankToPosition[r]] = r;
        }
        _stationStart = stationStart;
        _stationRanks = stationRanks;
        (_gramSlots, _postingStart, _postings) = (postings.Slots, postings.Start, postings.Values);
        ValueBoxes = BoxesOfValues();
        NormalsByRank = new double[3 * rankToPosition.Length];
        for (var r = 0; r < rankToPosition.Length; r++)
        {
            (NormalsByRank[3 * r], NormalsByRank[3 * r + 1], NormalsByRank[3 * r + 2]) = stations.NormalOf(rankToPosition[r]);
        }
        NameHeads = new NameHeads(Texts, Cores, NameEnd);
        _gramStats = GramStats.Of(postings, NameEnd, StationCountOf, ValueBoxes);
        Names = new NameKeys(Texts, Cores, NameEnd);
    }

    /// <summary>The names by their text, for the names a query is or begins.</summary>
    internal NameKeys Names { get; }

    /// <summary>How many stations the index holds.</summary>
    public int Count => RankToPosition.Length;

    /// <summary>
    /// The stations that match <paramref name="query"/>, best first (see <see cref="SearchRanking"/>); empty when the
    /// query holds no letter or digit. Safe to call from any number of threads.
    /// </summary>
    public IReadOnlyList<SearchHit> Find(SearchQuery query)
    {
        var core = SearchText.QueryCore(query.Text);
        if (core.Length == 0 || Count == 0)
        {
            return [];
        }
        return new SearchRun(this, core, Math.Clamp(query.Limit, 1, SearchQuery.MaxLimit), query.HasPosition ? (query.Lat!.Value, query.Lon!.Value) : null).Run();
    }

    internal ReadOnlySpan<int> StationRanksOf(int value) => _stationRanks.AsSpan(_stationStart[value], _stationStart[value + 1] - _stationStart[value]);

    internal int StationCountOf(int value) => _stationStart[value + 1] - _stationStart[value];

    /// <summary>
    /// The rank of the value's first station. Within a field, values are numbered in this order, so every list of
    /// values is also in the order of its values' first stations, field by field.
    /// </summary>
    internal int FirstRankOf(int value) => _stationRanks[_stationStart[value]];

    /// <summary>The first value after the field <paramref name="value"/> belongs to.</summary>
    internal int FieldEnd(int value) => value < NameEnd ? NameEnd : value < AddressEnd ? AddressEnd : value < DistrictEnd ? DistrictEnd : ValueCount;

    /// <summary>The values holding <paramref name="gram"/>, ascending; empty when none does.</summary>
    internal ArraySegment<int> ValuesWith(uint gram) =>
        _gramSlots.TryGetValue(gram, out var slot) ? new(_postings, _postingStart[slot], _postingStart[slot + 1] - _postingStart[slot]) : ArraySegment<int>.Empty;

    /// <summary>What a gram leads to in one part (names, or the other fields): its values, their station entries and box.</summary>
    internal GramPart PartOf(uint gram, bool names)
    {
        if (!_gramSlots.TryGetValue(gram, out var slot))
        {
            return new GramPart(ArraySegment<int>.Empty, 0, NormalBox.Empty);
        }
        var split = _gramStats.NameSplit[slot];
        return names
            ? new GramPart(new(_postings, _postingStart[slot], split - _postingStart[slot]), _gramStats.NameEntries[slot], _gramStats.NameBoxes[slot])
            : new GramPart(new(_postings, split, _postingStart[slot + 1] - split), _gramStats.OtherEntries[slot], _gramStats.OtherBoxes[slot]);
    }

    /// <summary>The gram of one character.</summary>
    internal static uint Unigram(char c) => ((uint)c << 16) | 0xFFFF;

    /// <summary>The gram of a pair of characters (U+FFFF is no letter, so no pair collides with a single character).</summary>
    internal static uint Bigram(char a, char b) => ((uint)a << 16) | b;

    internal static StationSearchIndex Build(StationIndex stations)
    {
        var values = ValueTable.Of(stations);
        var rankToPosition = Ranks(stations, values);
        values.NumberByFirstRank(rankToPosition);
        var (stationStart, stationRanks) = StationsByValue(values, rankToPosition);
        return new StationSearchIndex(stations, values, rankToPosition, stationStart, stationRanks, GramPostings.Of(values));
    }

    /// <summary>The stations' unit normals by rank (x, y, z), for measuring the stations of a value's list in the order it holds them.</summary>
    internal double[] NormalsByRank { get; }

    /// <summary>The squared chord between the station of rank <paramref name="rank"/> and a unit normal.</summary>
    internal double ChordSquared(int rank, double x, double y, double z)
    {
        var dx = NormalsByRank[3 * rank] - x;
        var dy = NormalsByRank[3 * rank + 1] - y;
        var dz = NormalsByRank[3 * rank + 2] - z;
        return dx * dx + dy * dy + dz * dz;
    }

    /// <summary>The first characters of each name, for the tiers of a query of one or two characters.</summary>
    internal NameHeads NameHeads { get; }

    /// <summary>Each value's box: the smallest that holds its stations' normals.</summary>
    internal NormalBox[] ValueBoxes { get; }

    private NormalBox[] BoxesOfValues()
    {
        var boxes = new NormalBox[ValueCount];
        for (var v = 0; v < ValueCount; v++)
        {
            var box = NormalBox.Empty;
            foreach (var rank in StationRanksOf(v))
            {
                var (x, y, z) = Stations.NormalOf(RankToPosition[rank]);
                box = box.With(x, y, z);
            }
            boxes[v] = box;
        }
        return boxes;
    }

    // Positions ordered by (length of the name without its generic suffixes, id): ids sorted first, then a stable
    // counting sort by length. Without the suffixes, so that a query for a suffix finds its stations early in rank order.
    private static int[] Ranks(StationIndex stations, ValueTable values)
    {
        var n = stations.Count;
        var ids = (long[])stations.Ids.Clone();
        var byId = new int[n];
        for (var p = 0; p < n; p++)
        {
            byId[p] = p;
        }
        Array.Sort(ids, byId);
        var lengths = new int[n];
        var maxLength = 0;
        for (var p = 0; p < n; p++)
        {
            lengths[p] = values.Name[p] < values.Texts.Count ? values.Cores[values.Name[p]]!.Length : 0;
            maxLength = Math.Max(maxLength, lengths[p]);
        }
        var start = new int[maxLength + 2];
        foreach (var length in lengths)
        {
            start[length + 1]++;
        }
        for (var i = 1; i < start.Length; i++)
        {
            start[i] += start[i - 1];
        }
        var ranked = new int[n];
        foreach (var p in byId)
        {
            ranked[start[lengths[p]]++] = p;
        }
        return ranked;
    }

    private static (int[] Start, int[] Ranks) StationsByValue(ValueTable values, int[] rankToPosition)
    {
        var count = values.Texts.Count;
        var start = new int[count + 2];
        int[][] fields = [values.Name, values.Address, values.District, values.Host];
        foreach (var field in fields)
        {
            foreach (var v in field)
            {
                start[v + 1]++;
            }
        }
        for (var i = 1; i < start.Length; i++)
        {
            start[i] += start[i - 1];
        }
        var next = (int[])start.Clone();
        var ranks = new int[start[count]];
        for (var r = 0; r < rankToPosition.Length; r++)
        {
            var p = rankToPosition[r];
            foreach (var field in fields)
            {
                if (field[p] < count)
                {
                    ranks[next[field[p]]++] = r;
                }
            }
        }
        return (start[..(count + 1)], ranks);
    }
}

/// <summary>The values of one part of a gram's list, the station entries they lead to, and the box of those stations.</summary>
internal readonly record struct GramPart(ArraySegment<int> Values, int Entries, NormalBox Box);
