using StationMap.Domain.Geo;
using StationMap.Domain.Nearest;

namespace StationMap.Domain.Search;

/// <summary>
/// One search over a <see cref="StationSearchIndex"/>: finds which values hold the query and with what tier, ranks
/// their stations as <see cref="SearchRanking"/> says, and, when fewer than the limit hold the whole query, adds the
/// partial matches (<see cref="PartialMatches"/>).
/// </summary>
/// <remarks>
/// The names and the other fields are two parts. A part whose rarest gram's list holds at most <see cref="ListLimit"/>
/// values is listed: its values are the intersection of the grams' lists, checked against the text. A part every gram
/// of which is that common is left lazy: a value's tier is worked out from its text when a station of it is looked at
/// (once per search). A tier of a lazy part, or a listed tier whose values hold more than <see cref="GatherLimit"/>
/// station entries, is walked rather than gathered: in rank order without a position, nearest first through the tree
/// with one, skipping the subtrees outside the box of the query's grams.
/// </remarks>
internal sealed class SearchRun
{
    internal const int GatherLimit = 8192;

    internal const int ListLimit = 8192;

    // A walk of a listed tier that has tested this many stations is given up for gathering the tier, when it holds at
    // most SwitchLimit station entries: a walk tests ~20 ns a station, gathering ~30 ns an entry.
    private const int WalkBudget = GatherLimit;
    private const int SwitchLimit = 8 * GatherLimit;

    private readonly List<int>?[] _tierValues = new List<int>?[5];
    private readonly long[] _tierEntries = new long[5];
    private readonly bool[] _lazyTiers = new bool[5];
    private readonly List<SearchHit> _hits = [];
    private bool _lazyNames;
    private bool _lazyOthers;
    private NormalBox _nameBox = NormalBox.All;
    private NormalBox _otherBox = NormalBox.All;

    public SearchRun(StationSearchIndex index, string core, int limit, (double Lat, double Lon)? origin)
    {
        Index = index;
        Core = core;
        Limit = limit;
        Origin = origin;
        Grams = GramsOf(core);
        Scratch = SearchScratch.Begin(index.ValueCount, index.Count);
    }

    public StationSearchIndex Index { get; }

    /// <summary>The query as searched for (<see cref="SearchText.QueryCore"/>).</summary>
    public string Core { get; }

    /// <summary>The query's distinct character pairs in order (its one character, when it has only one).</summary>
    public uint[] Grams { get; }

    public int Limit { get; }

    public (double Lat, double Lon)? Origin { get; }

    public SearchScratch Scratch { get; }

    public List<SearchHit> Run()
    {
        FindNames();
        FindOtherFields();
        if (Origin is null)
        {
            RankByTier();
        }
        else
        {
            RankByScore(Origin.Value);
        }
        // Partial matches stand in for whole ones only when there are none: they are for a query that mixes fields or
        // has a character too many, and looking for them costs more than all the rest.
        if (_hits.Count == 0 && Grams.Length >= 2)
        {
            new PartialMatches(this).AddTo(_hits);
        }
        return _hits;
    }

    /// <summary>The best tier of the station's values (0: no field holds the query).</summary>
    public int TierAt(int position) => TierOf(Index.NameOf[position]) is var name and > 0 ? name : OtherTierAt(position);

    /// <summary>Whether the station's tier is <paramref name="tier"/>: for the name's tiers, the name alone decides.</summary>
    public bool IsOfTier(int position, int tier) => tier > 1 ? TierOf(Index.NameOf[position]) == tier : TierAt(position) == tier;

    private int OtherTierAt(int position) =>
        TierOf(Index.AddressOf[position]) > 0 || TierOf(Index.DistrictOf[position]) > 0 || TierOf(Index.HostOf[position]) > 0 ? 1 : 0;

    /// <summary>The tier of a value: as listed, or worked out from its text the first time a lazy part asks.</summary>
    public int TierOf(int value)
    {
        if (Scratch.TryTierOf(value, out var tier))
        {
            return tier;
        }
        if (value == Index.ValueCount || !(value < Index.NameEnd ? _lazyNames : _lazyOthers))
        {
            return 0;
        }
        tier = TierOfValue(value, check: true);
        Scratch.SetTier(value, tier);
        return tier;
    }

    private static uint[] GramsOf(string core)
    {
        if (core.Length == 1)
        {
            return [StationSearchIndex.Unigram(core[0])];
        }
        var grams = new List<uint>(core.Length - 1);
        for (var i = 0; i + 1 < core.Length; i++)
        {
            var gram = StationSearchIndex.Bigram(core[i], core[i + 1]);
            if (!grams.Contains(gram))
            {
                grams.Add(gram);
            }
        }
        return [.. grams];
    }

    // Tiers 4, 3 and 2. A lazy name part still lists the names that are the query (always few) and those that begin
    // with it (unless too many): a walk in rank order would otherwise have to reach the end to be sure there are none.
    private void FindNames()
    {
        var parts = Grams.Select(gram => Index.PartOf(gram, names: true)).ToArray();
        _nameBox = parts.Aggregate(NormalBox.All, (box, part) => box.Intersect(part.Box));
        var rarest = parts.Min(part => part.Values.Count);
        if (rarest == 0)
        {
            return;
        }
        if (rarest <= ListLimit)
        {
            ListIntersection(parts);
        }
        else
        {
            _lazyNames = true;
            foreach (var value in Index.Names.Equal(Core))
            {
                List(value, 4);
            }
            var starting = Index.Names.StartingWith(Core);
            long entries = 0;
            foreach (var value in starting)
            {
                entries += Index.StationCountOf(value);
            }
            if (entries <= GatherLimit)
            {
                foreach (var value in starting)
                {
                    List(value, TierOfValue(value, check: false));
                }
            }
            else
            {
                _lazyTiers[3] = true;
            }
            _lazyTiers[2] = true;
        }
        for (var tier = 2; tier <= 4; tier++)
        {
            _lazyTiers[tier] |= _tierEntries[tier] > GatherLimit;
        }
    }

    // Tier 1: addresses, districts and hosts.
    private void FindOtherFields()
    {
        var parts = Grams.Select(gram => Index.PartOf(gram, names: false)).ToArray();
        _otherBox = parts.Aggregate(NormalBox.All, (box, part) => box.Intersect(part.Box));
        var rarest = parts.Min(part => part.Values.Count);
        if (rarest == 0)
        {
            return;
        }
        if (rarest <= ListLimit)
        {
            ListIntersection(parts);
            _lazyTiers[1] = _tierEntries[1] > GatherLimit;
            return;
        }
        _lazyOthers = true;
        _lazyTiers[1] = true;
    }

    private void List(int value, int tier)
    {
        if (Scratch.TryTierOf(value, out _))
        {
            return;
        }
        Scratch.SetTier(value, tier);
        if (tier > 0)
        {
            (_tierValues[tier] ??= []).Add(value);
            _tierEntries[tier] += Index.StationCountOf(value);
        }
    }

    // The values holding every gram: those of the rarest gram's list that hold the query. A query of one or two
    // characters is exactly its one gram; a longer one is checked against the text, which costs less than looking
    // each value up in the other grams' lists.
    private void ListIntersection(GramPart[] parts)
    {
        var check = Core.Length > 2;
        foreach (var value in parts.MinBy(part => part.Values.Count).Values)
        {
            List(value, TierOfValue(value, check));
        }
    }

    private int TierOfValue(int value, bool check)
    {
        if (!check && value < Index.NameEnd)
        {
            // One or two characters: the first characters of the name and its core tell, without reading the text.
            return Index.NameHeads.TierOf(value, Core);
        }
        var text = Index.Texts[value];
        if (value >= Index.NameEnd)
        {
            return !check || text.Contains(Core, StringComparison.Ordinal) ? 1 : 0;
        }
        var core = Index.Cores[value]!;
        if (check && !text.Contains(Core, StringComparison.Ordinal) && !core.Contains(Core, StringComparison.Ordinal))
        {
            return 0;
        }
        if (text == Core || core == Core)
        {
            return 4;
        }
        return text.StartsWith(Core, StringComparison.Ordinal) || core.StartsWith(Core, StringComparison.Ordinal) ? 3 : 2;
    }

    /// <summary>How the station matched, given its tier.</summary>
    public SearchMatch MatchAt(int position, int tier) => tier switch
    {
        4 => SearchMatch.NameExact,
        3 => SearchMatch.NamePrefix,
        2 => SearchMatch.Name,
        1 when TierOf(Index.AddressOf[position]) == 1 => SearchMatch.Address,
        1 when TierOf(Index.DistrictOf[position]) == 1 => SearchMatch.District,
        1 => SearchMatch.Host,
        _ => SearchMatch.Partial,
    };

    private bool IsWalked(int tier) => _lazyTiers[tier];

    // Without a position: tier by tier, each in rank order (shorter name without suffixes, then id).
    private void RankByTier()
    {
        for (var tier = 4; tier >= 1 && _hits.Count < Limit; tier--)
        {
            if (!IsWalked(tier) && _tierEntries[tier] == 0)
            {
                continue;
            }
            // A listed tier reads its own values; a lazy one every value of the rarest gram's list, testing each.
            ReadOnlySpan<int> values;
            if (_tierValues[tier] is { } listed)
            {
                listed.Sort();
                values = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(listed);
            }
            else
            {
                values = Grams.Select(gram => Index.PartOf(gram, names: tier > 1).Values).MinBy(list => list.Count);
            }
            foreach (var rank in FirstInRankOrder(tier, values, Limit - _hits.Count))
            {
                Add(Index.RankToPosition[rank], tier);
            }
        }
    }

    // The lowest ranks among the stations of exactly this tier that 'values' (ascending) lead to, each station once (a
    // station in lists of two fields of tier 1, an address and a district both holding the query, counts from its
    // first). Values are numbered field by field in the order of their first station's rank, and each value's list is
    // in rank order: once a value's first rank cannot enter, neither can the rest of its field.
    private int[] FirstInRankOrder(int tier, ReadOnlySpan<int> values, int count)
    {
        var best = new BoundedHeap<int, LowerRankFirst>(count);
        var i = 0;
        while (i < values.Length)
        {
            var value = values[i];
            if (best.IsFull && Index.FirstRankOf(value) >= best.Worst)
            {
                i += LowerBound(values[i..], Index.FieldEnd(value));
                continue;
            }
            i++;
            if (TierOf(value) != tier)
            {
                continue;
            }
            var field = value < Index.AddressEnd ? 0 : value < Index.DistrictEnd ? 1 : 2;
            foreach (var rank in Index.StationRanksOf(value))
            {
                if (best.IsFull && rank >= best.Worst)
                {
                    break;
                }
                var p = Index.RankToPosition[rank];
                if (IsOfTier(p, tier)
                    && (field == 0 || TierOf(Index.AddressOf[p]) != 1)
                    && (field < 2 || TierOf(Index.DistrictOf[p]) != 1))
                {
                    best.Offer(rank);
                }
            }
        }
        return best.TakeSorted();
    }

    private static int LowerBound(ReadOnlySpan<int> sorted, int value)
    {
        var (low, high) = (0, sorted.Length);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (sorted[middle] < value)
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

    private void Add(int position, int tier) => _hits.Add(new SearchHit(position, MatchAt(position, tier), 1, null, null));

    // With a position: each tier handed out nearest first, merged by score (tier + nearness bonus) until no station
    // left in any tier can beat the worst one kept (Fagin's threshold algorithm over one stream per tier).
    private void RankByScore((double Lat, double Lon) origin)
    {
        var stations = Index.Stations;
        var streams = new StationStream?[5];
        var (x, y, z) = StationIndex.NormalAt(origin.Lat, origin.Lon);
        for (var tier = 1; tier <= 4; tier++)
        {
            var only = tier;
            var taken = new HashSet<int>();
            // Every station of the tier's values, checked only when taken: a station of another tier, or one met
            // twice (an address and a district of tier 1) or given by the walk before, is passed over then.
            GatheredStream GatherTier()
            {
                var gathered = new GatheredStream(Scratch.QueueOf(only), rank =>
                    Index.RankToPosition[rank] is var p && IsOfTier(p, only) && taken.Add(p) ? p : -1);
                foreach (var value in _tierValues[only]!)
                {
                    foreach (var rank in Index.StationRanksOf(value))
                    {
                        gathered.Add(Index.ChordSquared(rank, x, y, z), rank);
                    }
                }
                gathered.Seal();
                return gathered;
            }
            if (!IsWalked(tier))
            {
                streams[tier] = _tierEntries[tier] > 0 ? GatherTier() : null;
                continue;
            }
            // A listed tier's stations are within its values' boxes; a lazy one's within its grams'.
            var box = tier == 1 ? _otherBox : _nameBox;
            if (_tierValues[tier] is { } listed)
            {
                box = box.Intersect(listed.Aggregate(NormalBox.Empty, (union, value) => union.Union(Index.ValueBoxes[value])));
            }
            var walk = stations.NearestFirst(origin.Lat, origin.Lon, box, p => IsOfTier(p, only), Scratch.QueueOf(tier));
            streams[tier] = _tierValues[tier] is not null && _tierEntries[tier] <= SwitchLimit
                ? new WalkThenGather(walk, WalkBudget, GatherTier, taken)
                : walk;
        }
        var best = new BoundedHeap<ScoredStation, HigherScoreFirst>(Limit);
        while (true)
        {
            var next = -1;
            var bound = double.NegativeInfinity;
            for (var tier = 4; tier >= 1; tier--)
            {
                if (streams[tier]?.TryPeekBound(out var chord) == true
                    && tier + SearchRanking.NearnessBonus(UnitSphere.DistanceLowerBound(chord)) is var tierBound && tierBound > bound)
                {
                    (next, bound) = (tier, tierBound);
                }
            }
            // A station left could only tie the worst kept (and win on id) at an equal bound, so that one still looks.
            if (next < 0 || (best.IsFull && bound < best.Worst.Score))
            {
                break;
            }
            if (!streams[next]!.TryTake(out var position))
            {
                // A subtree was opened instead: the bounds have moved.
                continue;
            }
            var line = Geodesy.Inverse(origin.Lat, origin.Lon, stations.Lats[position], stations.Lons[position]);
            best.Offer(new ScoredStation(next + SearchRanking.NearnessBonus(line.DistanceMeters), stations.Ids[position], position, next, line));
        }
        foreach (var hit in best.TakeSorted())
        {
            _hits.Add(new SearchHit(hit.Position, MatchAt(hit.Position, hit.Tier), 1, hit.Line.DistanceMeters, hit.Line.InitialBearingDegrees));
        }
    }

    private readonly record struct ScoredStation(double Score, long Id, int Position, int Tier, GeodesicInverse Line);

    private readonly struct LowerRankFirst : IComparer<int>
    {
        public int Compare(int x, int y) => x.CompareTo(y);
    }

    private readonly struct HigherScoreFirst : IComparer<ScoredStation>
    {
        public int Compare(ScoredStation x, ScoredStation y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : x.Id.CompareTo(y.Id);
    }
}
