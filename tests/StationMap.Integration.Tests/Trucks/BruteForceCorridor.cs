using StationMap.Domain.Geo;

namespace StationMap.Integration.Tests.Trucks;

/// <summary>
/// The stops-along-a-route answer computed the slow, obvious way, sharing nothing with the API's corridor code: each
/// leg of the route is sampled every few metres along its great circle (the edge PostGIS geography draws), along-route
/// distance is the sum of Vincenty distances between samples, a station's offset is its Vincenty distance to the
/// nearest sample refined by golden-section search, and its first passage is the first run of samples within the corridor.
/// </summary>
public sealed class BruteForceCorridor
{
    private const double StepM = 20;

    // A station within this much of the corridor's edge may honestly fall either side of it (both answers are exact to
    // well under this); such stations are left out of set and order comparisons.
    public const double EdgeToleranceM = 1;

    private readonly List<(double Lat, double Lon, double Along)> _samples = [];

    public BruteForceCorridor(IReadOnlyList<(double Lat, double Lon)> route, double corridorM)
    {
        CorridorM = corridorM;
        _samples.Add((route[0].Lat, route[0].Lon, 0));
        for (var i = 1; i < route.Count; i++)
        {
            var (a, b) = (route[i - 1], route[i]);
            if (a == b)
            {
                continue;
            }
            var n = Math.Max(1, (int)Math.Ceiling(Geodesy.DistanceMeters(a.Lat, a.Lon, b.Lat, b.Lon) / StepM));
            for (var k = 1; k <= n; k++)
            {
                var (lat, lon) = k == n ? b : GreatCircle(a, b, (double)k / n);
                var last = _samples[^1];
                _samples.Add((lat, lon, last.Along + Geodesy.DistanceMeters(last.Lat, last.Lon, lat, lon)));
            }
        }
        MinLat = _samples.Min(s => s.Lat);
        MaxLat = _samples.Max(s => s.Lat);
        MinLon = _samples.Min(s => s.Lon);
        MaxLon = _samples.Max(s => s.Lon);
    }

    public double CorridorM { get; }

    private double MinLat { get; }
    private double MaxLat { get; }
    private double MinLon { get; }
    private double MaxLon { get; }

    /// <summary>Null when the station is outside the corridor; Marginal when it lies on its edge (see <see cref="EdgeToleranceM"/>).</summary>
    public (double AlongM, double OffsetM, bool Marginal)? Locate(double lat, double lon)
    {
        // Cheap rejection: more than the corridor plus a margin outside the route's lat/lon box.
        var marginLat = (CorridorM + 200) / 110_000.0;
        var marginLon = marginLat / Math.Cos(lat * Math.PI / 180);
        if (lat < MinLat - marginLat || lat > MaxLat + marginLat || lon < MinLon - marginLon || lon > MaxLon + marginLon)
        {
            return null;
        }
        // Vincenty for every sample that could be near the corridor; the haversine distance (within 0.5% of it)
        // rules out the rest faster.
        var d = _samples.Select(s =>
        {
            var rough = Haversine(lat, lon, s.Lat, s.Lon);
            return rough > CorridorM * 1.01 + 10 ? rough : Geodesy.DistanceMeters(lat, lon, s.Lat, s.Lon);
        }).ToArray();
        var marginal = false;
        int? passageBest = null;
        var globalBest = 0;
        for (var k = 0; k < d.Length; k++)
        {
            if (d[k] < d[globalBest])
            {
                globalBest = k;
            }
        }
        // Runs of samples near the corridor: a run whose closest approach is within the tolerance of the edge makes
        // the station marginal; the first run inside the corridor is its first passage.
        for (var k = 0; k < d.Length;)
        {
            if (d[k] > CorridorM + EdgeToleranceM)
            {
                k++;
                continue;
            }
            var runBest = k;
            var end = k;
            while (end < d.Length && d[end] <= CorridorM + EdgeToleranceM)
            {
                runBest = d[end] < d[runBest] ? end : runBest;
                end++;
            }
            var runMin = Refine(lat, lon, runBest).Offset;
            if (Math.Abs(runMin - CorridorM) <= EdgeToleranceM)
            {
                marginal = true;
            }
            if (passageBest is null && runMin <= CorridorM)
            {
                passageBest = runBest;
            }
            k = end;
        }
        var offset = Refine(lat, lon, globalBest).Offset;
        if (passageBest is null)
        {
            return marginal ? (double.NaN, offset, true) : null;
        }
        return (Refine(lat, lon, passageBest.Value).Along, offset, marginal);
    }

    private static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        var (p1, p2) = (lat1 * Math.PI / 180, lat2 * Math.PI / 180);
        var (dp, dl) = (p2 - p1, (lon2 - lon1) * Math.PI / 180);
        var h = Math.Pow(Math.Sin(dp / 2), 2) + Math.Cos(p1) * Math.Cos(p2) * Math.Pow(Math.Sin(dl / 2), 2);
        return 2 * Geodesy.EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    // Golden-section search for the closest point between the neighbours of sample k.
    private (double Along, double Offset) Refine(double lat, double lon, int k)
    {
        var lo = _samples[Math.Max(0, k - 1)].Along;
        var hi = _samples[Math.Min(_samples.Count - 1, k + 1)].Along;
        double Distance(double along)
        {
            var (pLat, pLon) = At(along);
            return Geodesy.DistanceMeters(lat, lon, pLat, pLon);
        }
        var ratio = (Math.Sqrt(5) - 1) / 2;
        var x1 = hi - ratio * (hi - lo);
        var x2 = lo + ratio * (hi - lo);
        var (f1, f2) = (Distance(x1), Distance(x2));
        for (var i = 0; i < 60 && hi - lo > 1e-3; i++)
        {
            if (f1 < f2)
            {
                (hi, x2, f2) = (x2, x1, f1);
                x1 = hi - ratio * (hi - lo);
                f1 = Distance(x1);
            }
            else
            {
                (lo, x1, f1) = (x1, x2, f2);
                x2 = lo + ratio * (hi - lo);
                f2 = Distance(x2);
            }
        }
        var best = (lo + hi) / 2;
        var bestDistance = Distance(best);
        var sample = Geodesy.DistanceMeters(lat, lon, _samples[k].Lat, _samples[k].Lon);
        return sample < bestDistance ? (_samples[k].Along, sample) : (best, bestDistance);
    }

    private (double Lat, double Lon) At(double along)
    {
        var i = _samples.FindIndex(s => s.Along >= along);
        if (i <= 0)
        {
            return i == 0 ? (_samples[0].Lat, _samples[0].Lon) : (_samples[^1].Lat, _samples[^1].Lon);
        }
        var (a, b) = (_samples[i - 1], _samples[i]);
        var f = b.Along == a.Along ? 0 : (along - a.Along) / (b.Along - a.Along);
        return GreatCircle((a.Lat, a.Lon), (b.Lat, b.Lon), f);
    }

    // Spherical linear interpolation of the unit vectors of the two positions, latitude taken as geocentric on a sphere.
    private static (double Lat, double Lon) GreatCircle((double Lat, double Lon) a, (double Lat, double Lon) b, double f)
    {
        static (double X, double Y, double Z) Unit((double Lat, double Lon) p)
        {
            var (lat, lon) = (p.Lat * Math.PI / 180, p.Lon * Math.PI / 180);
            return (Math.Cos(lat) * Math.Cos(lon), Math.Cos(lat) * Math.Sin(lon), Math.Sin(lat));
        }
        var (u, v) = (Unit(a), Unit(b));
        var omega = Math.Acos(Math.Clamp(u.X * v.X + u.Y * v.Y + u.Z * v.Z, -1, 1));
        if (omega < 1e-15)
        {
            return a;
        }
        var (wa, wb) = (Math.Sin((1 - f) * omega) / Math.Sin(omega), Math.Sin(f * omega) / Math.Sin(omega));
        var (x, y, z) = (wa * u.X + wb * v.X, wa * u.Y + wb * v.Y, wa * u.Z + wb * v.Z);
        return (Math.Atan2(z, Math.Sqrt(x * x + y * y)) * 180 / Math.PI, Math.Atan2(y, x) * 180 / Math.PI);
    }
}
