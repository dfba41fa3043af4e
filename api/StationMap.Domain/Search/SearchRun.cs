using StationMap.Domain.Geo;
using StationMap.Domain.Nearest;

namespace StationMap.Domain.Search;

/// <summary>
/// One search over a <see cref="StationSearchIndex"/>: finds which values hold the query and with what tier, ranks
/// their stations as <see cref="SearchRanking"/> says, and, when fewer than the limit hold the whole query, adds the
/// partial matches (<see cref="PartialMatches"/>).
/// </summary>
/// <remarks>
/// The names and the other fields are two parts. A part whose rarest gram leads to at most <see cref="GatherLimit"/>
/// station entries is listed: its values are the intersection of the grams' lists, checked against the text. A larger
/// part is left lazy: a value's tier is worked out from its text when a station of it is looked at (once per search),
/// and the part's tiers are walked rather than listed: in rank order without a position, nearest first through the
/// tree with one, skipping the subtrees outside the box of the query's grams. A listed tier holding more than
/// <see cref="GatherLimit"/> entries (many stations sharing one name) is walked too.
/// </remarks>
internal sealed class SearchRun
{
    internal const int GatherLimit = 8192;

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
    public int TierAt(int position) => Math.Max(
        Math.Max(TierOf(Index.NameOf[position]), TierOf(Index.AddressOf[position])),
        Math.Max(TierOf(Index.DistrictOf[position]), TierOf(Index.HostOf[position])));

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
        var estimate = parts.Min(part => part.Entries);
        if (estimate == 0)
        {
            return;
        }
        if (estimate <= GatherLimit)
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
        var estimate = parts.Min(part => part.Entries);
        if (estimate == 0)
        {
            return;
        }
        if (estimate <= GatherLimit)
        {
            ListIntersection(parts);
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

    // The values in every part's list (shortest list first), checked against the text: a query of one or two
    // characters is exactly its one gram, a longer one can have every pair without the whole.
    private void ListIntersection(GramPart[] parts)
    {
        var lists = parts.Select(part => part.Values).OrderBy(list => list.Count).ToArray();
        var check = Core.Length > 2;
        var cursors = new int[lists.Length];
        foreach (var value in lists[0])
        {
            var inAll = true;
            for (var j = 1; j < lists.Length && inAll; j++)
            {
                cursors[j] = LowerBound(lists[j], cursors[j], value);
                if (cursors[j] == lists[j].Count)
                {
                    return;
                }
                inAll = lists[j][cursors[j]] == value;
            }
            if (inAll)
            {
                List(value, TierOfValue(value, check));
            }
        }
    }

    private int TierOfValue(int value, bool check)
    {
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

    // The first index at or after 'from' whose value is not below 'value' (exponential, then binary search).
    private static int LowerBound(ArraySegment<int> list, int from, int value)
    {
        var step = 1;
        var high = from;
        while (high < list.Count && list[high] < value)
        {
            from = high + 1;
            high += step;
            step <<= 1;
        }
        high = Math.Min(high, list.Count);
        while (from < high)
        {
            var middle = (from + high) >>> 1;
            if (list[middle] < value)
            {
                from = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return from;
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

    // The ranks of a listed tier's stations, each once (a station in lists of two fields of tier 1, an address and a
    // district both holding the query, is taken from its first), handed to 'take' in each value's rank order; 'take'
    // answers false when the rest of that value's list cannot matter.
    private void Gather(int tier, Func<int, int, bool> take)
    {
        foreach (var value in _tierValues[tier] ?? [])
        {
            var field = value < Index.AddressEnd ? 0 : value < Index.DistrictEnd ? 1 : 2;
            foreach (var rank in Index.StationRanksOf(value))
            {
                var p = Index.RankToPosition[rank];
                if (TierAt(p) != tier
                    || (field >= 1 && TierOf(Index.AddressOf[p]) == 1)
                    || (field == 2 && TierOf(Index.DistrictOf[p]) == 1))
                {
                    continue;
                }
                if (!take(rank, p))
                {
                    break;
                }
            }
        }
    }

    // Without a position: tier by tier, each in rank order (shorter name without suffixes, then id).
    private void RankByTier()
    {
        for (var tier = 4; tier >= 1 && _hits.Count < Limit; tier--)
        {
            if (!IsWalked(tier) && _tierEntries[tier] == 0)
            {
                continue;
            }
            var best = new BoundedHeap<int, LowerRankFirst>(Limit - _hits.Count);
            bool Take(int rank)
            {
                // A value's list is in rank order: past the worst kept, none of the rest can enter.
                if (best.IsFull && rank >= best.Worst)
                {
                    return false;
                }
                best.Offer(rank);
                return true;
            }
            if (IsWalked(tier))
            {
                WalkInRankOrder(tier, best, Take);
            }
            else
            {
                Gather(tier, (rank, _) => Take(rank));
            }
            foreach (var rank in best.TakeSorted())
            {
                Add(Index.RankToPosition[rank], tier);
            }
        }
    }

    // A walked tier in rank order: a large tier is usually dense from the first ranks on, so the first ones are tried
    // one by one. When they hold too few (a tier of long names, or fewer stations than its grams suggested), its values
    // are found from the rarest gram's list instead and their stations' lists read up to the worst rank kept.
    private void WalkInRankOrder(int tier, BoundedHeap<int, LowerRankFirst> best, Func<int, bool> take)
    {
        var tried = Math.Min(Index.Count, WalkBudget);
        for (var rank = 0; rank < tried && !best.IsFull; rank++)
        {
            if (TierAt(Index.RankToPosition[rank]) == tier)
            {
                best.Offer(rank);
            }
        }
        if (best.IsFull || tried == Index.Count)
        {
            return;
        }
        var rarest = Grams.Select(gram => Index.PartOf(gram, names: tier > 1)).MinBy(part => part.Values.Count);
        foreach (var value in rarest.Values)
        {
            if (TierOf(value) != tier)
            {
                continue;
            }
            var field = value < Index.AddressEnd ? 0 : value < Index.DistrictEnd ? 1 : 2;
            var ranks = Index.StationRanksOf(value);
            for (var i = LowerBound(ranks, tried); i < ranks.Length; i++)
            {
                var p = Index.RankToPosition[ranks[i]];
                if (TierAt(p) != tier
                    || (field >= 1 && TierOf(Index.AddressOf[p]) == 1)
                    || (field == 2 && TierOf(Index.DistrictOf[p]) == 1))
                {
                    continue;
                }
                if (!take(ranks[i]))
                {
                    break;
                }
            }
        }
    }

    // How many of the first ranks a walk in rank order tries one by one before it reads the tier's lists.
    private const int WalkBudget = 4 * GatherLimit;

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
            if (IsWalked(tier))
            {
                var only = tier;
                streams[tier] = stations.NearestFirst(
                    origin.Lat, origin.Lon, tier == 1 ? _otherBox : _nameBox, p => TierAt(p) == only, Scratch.QueueOf(tier));
                continue;
            }
            if (_tierEntries[tier] == 0)
            {
                continue;
            }
            var gathered = new GatheredStream(Scratch.QueueOf(tier));
            Gather(tier, (_, p) =>
            {
                gathered.Add(stations.ChordSquared(p, x, y, z), p);
                return true;
            });
            gathered.Seal();
            streams[tier] = gathered;
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
