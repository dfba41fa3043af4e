using StationMap.Domain.Geo;
using StationMap.Domain.Nearest;

namespace StationMap.Domain.Search;

/// <summary>
/// The stations whose fields together hold at least half of the query's character pairs, for a search that found no
/// station holding the whole query.
/// </summary>
/// <remarks>
/// A station holding <c>needed</c> of the query's <c>g</c> pairs holds one of its <c>g − needed + 1</c> rarest
/// (pigeonhole), so only the stations of those pairs' values are looked at. A value's pairs are a bit mask worked out
/// from its text when first asked; a station's pairs are the union of its four values' masks.
/// </remarks>
internal sealed class PartialMatches(SearchRun run)
{
    private readonly StationSearchIndex _index = run.Index;
    private readonly SearchScratch _scratch = run.Scratch;
    private readonly int _pairs = run.Grams.Length;
    private readonly int _needed = (run.Grams.Length + 1) / 2;
    private readonly Dictionary<uint, int> _bits = run.Grams.Select((gram, bit) => (gram, bit)).ToDictionary(g => g.gram, g => g.bit);

    public void AddTo(List<SearchHit> hits)
    {
        var need = run.Limit;
        if (run.Origin is { } origin)
        {
            AddNearestFirst(hits, need, origin);
            return;
        }
        var best = new BoundedHeap<(int Pairs, int Rank), MorePairsThenLowerRank>(need);
        ForEachCandidate((position, pairs) => best.Offer((pairs, _index.PositionToRank[position])));
        foreach (var (pairs, rank) in best.TakeSorted())
        {
            hits.Add(new SearchHit(_index.RankToPosition[rank], SearchMatch.Partial, Share(pairs), null, null));
        }
    }

    private double Share(int pairs) => (double)pairs / _pairs;

    private int PairsAt(int position) => (int)UInt128.PopCount(
        MaskOf(_index.NameOf[position]) | MaskOf(_index.AddressOf[position]) | MaskOf(_index.DistrictOf[position]) | MaskOf(_index.HostOf[position]));

    private UInt128 MaskOf(int value)
    {
        if (value == _index.ValueCount)
        {
            return UInt128.Zero;
        }
        if (!_scratch.TryMaskOf(value, out var mask))
        {
            mask = PairsIn(_index.Texts[value]) | (_index.Cores[value] is { } core ? PairsIn(core) : UInt128.Zero);
            _scratch.SetMask(value, mask);
        }
        return mask;
    }

    private UInt128 PairsIn(string text)
    {
        var mask = UInt128.Zero;
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (_bits.TryGetValue(StationSearchIndex.Bigram(text[i], text[i + 1]), out var bit))
            {
                mask |= UInt128.One << bit;
            }
        }
        return mask;
    }

    private void ForEachCandidate(Action<int, int> take)
    {
        _scratch.NewSightings();
        var rarest = run.Grams.Select(_index.ValuesWith).OrderBy(list => list.Count).Take(_pairs - _needed + 1);
        foreach (var values in rarest)
        {
            foreach (var value in values)
            {
                foreach (var rank in _index.StationRanksOf(value))
                {
                    var position = _index.RankToPosition[rank];
                    if (_scratch.FirstSight(position) && run.TierAt(position) == 0 && PairsAt(position) is var pairs && pairs >= _needed)
                    {
                        take(position, pairs);
                    }
                }
            }
        }
    }

    // More pairs first, then nearer. The exact distance is measured only for stations that can be among the nearest:
    // a first pass keeps each share's nearest by chord, whose farthest exact distance bounds the answer; a second
    // measures every station whose chord allows that distance.
    private void AddNearestFirst(List<SearchHit> hits, int need, (double Lat, double Lon) origin)
    {
        var stations = _index.Stations;
        var (x, y, z) = StationIndex.NormalAt(origin.Lat, origin.Lon);
        var byChord = new BoundedHeap<(double Chord, int Position), SmallerChordFirst>[_pairs + 1];
        ForEachCandidate((position, pairs) =>
            (byChord[pairs] ??= new(need)).Offer((stations.ChordSquared(position, x, y, z), position)));
        var reach = new double[_pairs + 1];
        for (var pairs = _needed; pairs <= _pairs; pairs++)
        {
            reach[pairs] = byChord[pairs] is { } kept
                ? kept.TakeSorted().Max(k => Measure(origin, k.Position).DistanceMeters)
                : double.NegativeInfinity;
        }
        var byDistance = new BoundedHeap<Measured, NearerThenLowerId>[_pairs + 1];
        ForEachCandidate((position, pairs) =>
        {
            if (UnitSphere.DistanceLowerBound(stations.ChordSquared(position, x, y, z)) <= reach[pairs])
            {
                var line = Measure(origin, position);
                (byDistance[pairs] ??= new(need)).Offer(new Measured(line, stations.Ids[position], position));
            }
        });
        for (var pairs = _pairs; pairs >= _needed && need > 0; pairs--)
        {
            foreach (var hit in byDistance[pairs]?.TakeSorted().Take(need) ?? [])
            {
                hits.Add(new SearchHit(hit.Position, SearchMatch.Partial, Share(pairs), hit.Line.DistanceMeters, hit.Line.InitialBearingDegrees));
                need--;
            }
        }
    }

    private GeodesicInverse Measure((double Lat, double Lon) origin, int position) =>
        Geodesy.Inverse(origin.Lat, origin.Lon, _index.Stations.Lats[position], _index.Stations.Lons[position]);

    private readonly record struct Measured(GeodesicInverse Line, long Id, int Position);

    private readonly struct MorePairsThenLowerRank : IComparer<(int Pairs, int Rank)>
    {
        public int Compare((int Pairs, int Rank) x, (int Pairs, int Rank) y) =>
            x.Pairs != y.Pairs ? y.Pairs.CompareTo(x.Pairs) : x.Rank.CompareTo(y.Rank);
    }

    private readonly struct SmallerChordFirst : IComparer<(double Chord, int Position)>
    {
        public int Compare((double Chord, int Position) x, (double Chord, int Position) y) => x.Chord.CompareTo(y.Chord);
    }

    private readonly struct NearerThenLowerId : IComparer<Measured>
    {
        public int Compare(Measured x, Measured y) =>
            x.Line.DistanceMeters != y.Line.DistanceMeters ? x.Line.DistanceMeters.CompareTo(y.Line.DistanceMeters) : x.Id.CompareTo(y.Id);
    }
}
