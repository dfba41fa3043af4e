using StationMap.Domain.Geo;
using StationMap.Domain.Planning;

namespace StationMap.Domain.Tests.Planning;

/// <summary>Builds instances near Beijing from offsets in metres, and solves them by brute force.</summary>
internal static class PlanningInstances
{
    private const double OriginLat = 39.9;
    private const double OriginLon = 116.4;

    public static (double Lat, double Lon) At(double eastM, double northM) =>
        (OriginLat + northM / 111_000, OriginLon + eastM / (111_320 * Math.Cos(OriginLat * Math.PI / 180)));

    public static DemandPoint Demand(long id, double eastM, double weight, double northM = 0)
    {
        var (lat, lon) = At(eastM, northM);
        return new DemandPoint(id, lat, lon, weight);
    }

    public static SitePoint Site(long id, double eastM, double northM = 0)
    {
        var (lat, lon) = At(eastM, northM);
        return new SitePoint(id, lat, lon);
    }

    public static (List<DemandPoint> Demand, List<SitePoint> Stations, List<SitePoint> Candidates) Random(
        int seed, int demand, int stations, int candidates, double spanM, bool wholeWeights)
    {
        var random = new Random(seed);
        var d = Enumerable.Range(0, demand)
            .Select(i => Demand(1000 + i, random.NextDouble() * spanM, wholeWeights ? random.Next(1, 50) : Math.Round(random.NextDouble() * 20, 1), random.NextDouble() * spanM))
            .ToList();
        var s = Enumerable.Range(0, stations).Select(i => Site(i + 1, random.NextDouble() * spanM, random.NextDouble() * spanM)).ToList();
        var c = Enumerable.Range(0, candidates).Select(i => Site(500 + i, random.NextDouble() * spanM, random.NextDouble() * spanM)).ToList();
        return (d, s, c);
    }

    /// <summary>The best covered weight over all p-subsets, from Vincenty distances alone (no grid, no solver).</summary>
    public static double BruteForceOptimum(
        IReadOnlyList<DemandPoint> demand, IReadOnlyList<SitePoint> stations, IReadOnlyList<SitePoint> candidates, double radiusM, int p)
    {
        bool Near(DemandPoint d, SitePoint s) => Geodesy.DistanceMeters(d.Lat, d.Lon, s.Lat, s.Lon) <= radiusM;
        var open = demand.Where(d => !stations.Any(s => Near(d, s))).ToList();
        var covers = candidates.Select(c => open.Select(d => Near(d, c)).ToArray()).ToArray();
        var best = 0.0;
        foreach (var subset in Subsets(candidates.Count, Math.Min(p, candidates.Count)))
        {
            var value = 0.0;
            for (var i = 0; i < open.Count; i++)
            {
                if (subset.Any(c => covers[c][i]))
                {
                    value += open[i].Weight;
                }
            }
            best = Math.Max(best, value);
        }
        return best;
    }

    private static IEnumerable<int[]> Subsets(int n, int k)
    {
        var index = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            yield return index;
            var i = k - 1;
            while (i >= 0 && index[i] == n - k + i)
            {
                i--;
            }
            if (i < 0)
            {
                yield break;
            }
            index[i]++;
            for (var j = i + 1; j < k; j++)
            {
                index[j] = index[j - 1] + 1;
            }
        }
    }
}
