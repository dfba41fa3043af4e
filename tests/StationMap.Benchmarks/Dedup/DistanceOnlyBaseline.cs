using StationMap.Domain.Places;

namespace StationMap.Benchmarks.Dedup;

/// <summary>
/// The baseline the matcher is measured against: a distance-only duplicate check, as Open Charge Map's is: any two
/// records of different sources within <c>metres</c> of each other are one place (transitively). No names, no order.
/// </summary>
internal static class DistanceOnlyBaseline
{
    private const double MetresPerDegreeLat = 111_132.954;
    private const double MetresPerDegreeLon = 111_319.491;

    /// <summary>The places of two records or more, as lists of record ids.</summary>
    public static List<List<long>> Places(IReadOnlyList<PlaceRecord> records, double metres)
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
        var parent = Enumerable.Range(0, records.Count).ToArray();
        int Find(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }
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
                                parent[Find(i)] = Find(j);
                            }
                        }
                    }
                }
            }
        }
        return [.. Enumerable.Range(0, records.Count).GroupBy(Find).Where(g => g.Count() > 1).Select(g => g.Select(i => records[i].Id).ToList())];
    }

    private static double Metres(PlaceRecord a, PlaceRecord b)
    {
        var dy = (b.Lat - a.Lat) * MetresPerDegreeLat;
        var dx = (b.Lon - a.Lon) * MetresPerDegreeLon * Math.Cos((a.Lat + b.Lat) * (Math.PI / 360));
        return Math.Sqrt(dx * dx + dy * dy);
    }
}
