namespace StationMap.DemoData;

/// <summary>
/// Random points around a place, using only +, -, *, / and square roots on <see cref="Random"/>'s draws: IEEE 754
/// makes those exact, so the same seed gives the same coordinates on every machine, which Math.Log or Math.Cos
/// (left to each platform's C library) would not promise.
/// </summary>
internal static class PointSampler
{
    private const double KmPerDegreeLat = 111.0;
    private const double KmPerDegreeAtEquator = 111.32;
    private const double RadiansPerDegree = Math.PI / 180;
    private const int MaxAttempts = 1000;

    /// <summary>A point of a Gaussian around <paramref name="place"/>, within its radius and on land, rounded to 6 decimals.</summary>
    public static (double Lat, double Lon) Around(Random random, Place place)
    {
        var kmPerDegreeLon = KmPerDegreeLon(place.Lat);
        var radiusSquared = place.RadiusKm * place.RadiusKm;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var east = StandardNormal(random) * place.SpreadKm;
            var north = StandardNormal(random) * place.SpreadKm;
            if (east * east + north * north > radiusSquared)
            {
                continue;
            }
            var lat = Math.Round(place.Lat + north / KmPerDegreeLat, 6);
            var lon = Math.Round(place.Lon + east / kmPerDegreeLon, 6);
            if (JingjinjiLand.Contains(lat, lon))
            {
                return (lat, lon);
            }
        }
        throw new InvalidOperationException($"No point on land found around {place.AddressPrefix}: check its centre and radius.");
    }

    /// <summary>A point between <paramref name="minMetres"/> and <paramref name="maxMetres"/> from the given one, in a random direction.</summary>
    public static (double Lat, double Lon) Near(Random random, double lat, double lon, double minMetres, double maxMetres)
    {
        // A uniform direction without trigonometry: a point drawn uniformly in the unit disc, scaled to unit length.
        double x, y, lengthSquared;
        do
        {
            x = 2 * random.NextDouble() - 1;
            y = 2 * random.NextDouble() - 1;
            lengthSquared = x * x + y * y;
        }
        while (lengthSquared > 1 || lengthSquared < 0.01);

        var km = (minMetres + (maxMetres - minMetres) * random.NextDouble()) / 1000 / Math.Sqrt(lengthSquared);
        return (Math.Round(lat + y * km / KmPerDegreeLat, 6), Math.Round(lon + x * km / KmPerDegreeLon(lat), 6));
    }

    // Irwin–Hall: twelve uniforms summed, minus 6, have mean 0 and variance 1 and are close to a standard normal.
    private static double StandardNormal(Random random)
    {
        var sum = 0.0;
        for (var i = 0; i < 12; i++)
        {
            sum += random.NextDouble();
        }
        return sum - 6;
    }

    // Taylor series of cos to x^10 (error below 1e-10 at China's latitudes), in place of Math.Cos.
    private static double KmPerDegreeLon(double latDegrees)
    {
        var x = latDegrees * RadiansPerDegree;
        var x2 = x * x;
        var cos = 1 - x2 / 2 * (1 - x2 / 12 * (1 - x2 / 30 * (1 - x2 / 56 * (1 - x2 / 90))));
        return KmPerDegreeAtEquator * cos;
    }
}
