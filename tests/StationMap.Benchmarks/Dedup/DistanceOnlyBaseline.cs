using StationMap.Domain.Places;

namespace StationMap.Benchmarks.Dedup;

/// <summary>
/// The baseline the matcher is measured against: a distance-only duplicate check, as Open Charge Map's is: any two
/// records of different sources within <c>metres</c> of each other are called duplicates (pair by pair, not chained
/// into places, which in a dense city would chain whole streets). No names.
/// </summary>
internal static class DistanceOnlyBaseline
{
    private const double MetresPerDegreeLat = 111_132.954;
    private const double MetresPerDegreeLon = 111_319.491;

    /// <summary>The pairs it calls duplicates, as two-record lists of ids.</summary>
    public static List<List<long>> Pairs(IReadOnlyList<PlaceRecord> records, double metres)
    {
        var cellLat = metres / MetresPerDegreeLat;
        var cellLon = metres / (MetresPerDegreeLon * Math.Cos(43 * Math.PI / 180));
        var cells = new Dictionary<(int, int), List<int>>();
        for (var i = 0; i < records.Count; i++)
        {
            var key = ((int)Math.Floor(records[i].Lat / cellLat), (int)Math.Floor(records[i].Lon / cellLon));
            if (!cells.TryGetValue(key, out var list))
            {
                cells[key] = list = [];
            }
            list.Add(i);
        }
        var pairs = new List<List<long>>();
        foreach (var ((y, x), members) in cells)
        {
            foreach (var i in members)
            {
                for (var dy = -1; dy <= 1; dy++)
                {
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        if (!cells.TryGetValue((y + dy, x + dx), out var others))
                        {
                            continue;
                        }
                        foreach (var j in others)
                        {
                            if (j > i && records[i].Source != records[j].Source && Metres(records[i], records[j]) <= metres)
                            {
                                pairs.Add([records[i].Id, records[j].Id]);
                            }
                        }
                    }
                }
            }
        }
        return pairs;
    }

    private static double Metres(PlaceRecord a, PlaceRecord b)
    {
        var dy = (b.Lat - a.Lat) * MetresPerDegreeLat;
        var dx = (b.Lon - a.Lon) * MetresPerDegreeLon * Math.Cos((a.Lat + b.Lat) * (Math.PI / 360));
        return Math.Sqrt(dx * dx + dy * dy);
    }
}
