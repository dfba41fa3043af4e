using StationMap.Domain.Geo;
using StationMap.Domain.Nearest;

namespace StationMap.Domain.Search;

/// <summary>
/// When no station holds the whole query: the stations one of whose fields holds at least half of the query's
/// character pairs, by how many it holds (the best field's count), then by rank or, with a position, by distance.
/// </summary>
/// <remarks>
/// Counted per field, not over the fields together, so that a value's count settles its stations': each value's pairs
/// are a bit mask from the lists of the query's pairs, the values holding enough are grouped by count, and only their
/// stations are looked at, level by level, as whole matches are tier by tier.
/// </remarks>
internal sealed class PartialMatches(SearchRun run)
{
    private readonly StationSearchIndex _index = run.Index;
    private readonly SearchScratch _scratch = run.Scratch;
    private readonly int _pairs = run.Grams.Length;
    private readonly int _needed = (run.Grams.Length + 1) / 2;

    public void AddTo(List<SearchHit> hits)
    {
        var touched = _scratch.Values;
        for (var bit = 0; bit < _pairs; bit++)
        {
            foreach (var value in _index.ValuesWith(run.Grams[bit]))
            {
                if (_scratch.AddPair(value, bit))
                {
                    touched.Add(value);
                }
            }
        }
        var levels = new List<int>?[_pairs + 1];
        var entries = new long[_pairs + 1];
        foreach (var value in touched)
        {
            if (LevelOf(value) is var level and > 0)
            {
                (levels[level] ??= []).Add(value);
                entries[level] += _index.StationCountOf(value);
            }
        }
        var need = run.Limit;
        for (var level = _pairs; level >= _needed && need > 0; level--)
        {
            if (levels[level] is not { } values)
            {
                continue;
            }
            var found = run.Origin is { } origin
                ? NearestOfLevel(level, values, entries[level], need, origin)
                : FirstOfLevel(level, values, need);
            hits.AddRange(found);
            need -= found.Count;
        }
    }

    // How many of the query's pairs the value holds, when at least half; 0 otherwise.
    private int LevelOf(int value)
    {
        var count = (int)UInt128.PopCount(_scratch.MaskOf(value));
        return count >= _needed ? count : 0;
    }

    private int LevelAt(int position) => Math.Max(
        Math.Max(LevelOf(_index.NameOf[position]), LevelOf(_index.AddressOf[position])),
        Math.Max(LevelOf(_index.DistrictOf[position]), LevelOf(_index.HostOf[position])));

    private SearchHit Hit(int position, int level, GeodesicInverse? line = null) =>
        new(position, SearchMatch.Partial, (double)level / _pairs, line?.DistanceMeters, line?.InitialBearingDegrees);

    // The level's stations, each once (from the first of its fields at the level), in each value's rank order;
    // 'take' answers false when the rest of that value's list cannot matter.
    private void Gather(int level, List<int> values, Func<int, int, bool> take)
    {
        foreach (var value in values)
        {
            ForEachStation(level, value, take);
        }
    }

    private void ForEachStation(int level, int value, Func<int, int, bool> take)
    {
        var field = value < _index.NameEnd ? 0 : value < _index.AddressEnd ? 1 : value < _index.DistrictEnd ? 2 : 3;
        foreach (var rank in _index.StationRanksOf(value))
        {
            var p = _index.RankToPosition[rank];
            if (LevelAt(p) != level
                || (field >= 1 && LevelOf(_index.NameOf[p]) == level)
                || (field >= 2 && LevelOf(_index.AddressOf[p]) == level)
                || (field == 3 && LevelOf(_index.DistrictOf[p]) == level))
            {
                continue;
            }
            if (!take(rank, p))
            {
                break;
            }
        }
    }

    // As whole matches without a position: values in order, each field's given up once its values' first stations
    // rank too low to enter.
    private List<SearchHit> FirstOfLevel(int level, List<int> values, int need)
    {
        values.Sort();
        var best = new BoundedHeap<int, LowerFirst>(need);
        var i = 0;
        while (i < values.Count)
        {
            var value = values[i];
            if (best.IsFull && _index.FirstRankOf(value) >= best.Worst)
            {
                var end = values.BinarySearch(i, values.Count - i, _index.FieldEnd(value), null);
                i = end >= 0 ? end : ~end;
                continue;
            }
            i++;
            ForEachStation(level, value, (rank, _) =>
            {
                if (best.IsFull && rank >= best.Worst)
                {
                    return false;
                }
                best.Offer(rank);
                return true;
            });
        }
        return [.. best.TakeSorted().Select(rank => Hit(_index.RankToPosition[rank], level))];
    }

    // The level's stations nearest first: gathered when few, else walked through the tree; measured exactly until
    // no station left can be nearer than the farthest kept.
    private List<SearchHit> NearestOfLevel(int level, List<int> values, long entries, int need, (double Lat, double Lon) origin)
    {
        var stations = _index.Stations;
        StationStream stream;
        if (entries <= SearchRun.GatherLimit)
        {
            var (x, y, z) = StationIndex.NormalAt(origin.Lat, origin.Lon);
            var gathered = new GatheredStream(_scratch.QueueOf(0), p => p);
            Gather(level, values, (_, p) =>
            {
                gathered.Add(stations.ChordSquared(p, x, y, z), p);
                return true;
            });
            gathered.Seal();
            stream = gathered;
        }
        else
        {
            stream = stations.NearestFirst(origin.Lat, origin.Lon, NormalBox.All, p => LevelAt(p) == level, _scratch.QueueOf(0));
        }
        var best = new BoundedHeap<Measured, NearerThenLowerId>(need);
        while (stream.TryPeekBound(out var chord))
        {
            if (best.IsFull && UnitSphere.DistanceLowerBound(chord) > best.Worst.Line.DistanceMeters)
            {
                break;
            }
            if (stream.TryTake(out var position))
            {
                var line = Geodesy.Inverse(origin.Lat, origin.Lon, stations.Lats[position], stations.Lons[position]);
                best.Offer(new Measured(line, stations.Ids[position], position));
            }
        }
        return [.. best.TakeSorted().Select(m => Hit(m.Position, level, m.Line))];
    }

    private readonly record struct Measured(GeodesicInverse Line, long Id, int Position);

    private readonly struct LowerFirst : IComparer<int>
    {
        public int Compare(int x, int y) => x.CompareTo(y);
    }

    private readonly struct NearerThenLowerId : IComparer<Measured>
    {
        public int Compare(Measured x, Measured y) =>
            x.Line.DistanceMeters != y.Line.DistanceMeters ? x.Line.DistanceMeters.CompareTo(y.Line.DistanceMeters) : x.Id.CompareTo(y.Id);
    }
}
