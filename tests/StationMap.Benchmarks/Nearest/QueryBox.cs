using System.Globalization;

namespace StationMap.Benchmarks.Nearest;

/// <summary>The box random query points are drawn from, as <c>minLon,minLat,maxLon,maxLat</c> in WGS-84 degrees.</summary>
internal readonly record struct QueryBox(double MinLon, double MinLat, double MaxLon, double MaxLat)
{
    public static QueryBox Parse(string text)
    {
        var parts = text.Split(',').Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        if (parts.Length != 4 || parts[0] >= parts[2] || parts[1] >= parts[3])
        {
            throw new ArgumentException($"Expected minLon,minLat,maxLon,maxLat, got '{text}'.", nameof(text));
        }
        return new QueryBox(parts[0], parts[1], parts[2], parts[3]);
    }

    public (double Lat, double Lon) RandomPoint(Random random) =>
        (MinLat + random.NextDouble() * (MaxLat - MinLat), MinLon + random.NextDouble() * (MaxLon - MinLon));
}
