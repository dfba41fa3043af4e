namespace StationMap.Domain.Geo;

/// <summary>The offset GCJ-02 adds to a WGS-84 position inside China.</summary>
/// <remarks>
/// GCJ-02 is unpublished; this is the reverse-engineered transform (polynomial plus sine series on the Krasovsky 1940
/// ellipsoid) that every open implementation shares, e.g. github.com/googollee/eviltransform and
/// github.com/wandergis/coordtransform. It matches positions taken from Chinese map services to within about a metre.
/// </remarks>
internal static class Gcj02Offset
{
    private const double KrasovskyA = 6_378_245.0;
    private const double KrasovskyEccentricitySquared = 0.00669342162296594323;

    /// <summary>The shift in degrees of latitude and longitude at a WGS-84 position.</summary>
    public static (double DLat, double DLon) At(double lat, double lon)
    {
        // The series takes degrees from 35° N, 105° E and gives metres.
        var x = lon - 105;
        var y = lat - 35;

        var sin2PiX = Math.Sin(2 * Math.PI * x);
        var sinPiXOver3 = Math.Sin(Math.PI / 3 * x);
        var sinPiYOver3 = Math.Sin(Math.PI / 3 * y);
        // sin 3θ = 3 sin θ − 4 sin³ θ gives sin 6πx, sin πx and sin πy without three more sine calls.
        var sin6PiX = TripleAngleSine(sin2PiX);
        var sinPiX = TripleAngleSine(sinPiXOver3);
        var sinPiY = TripleAngleSine(sinPiYOver3);

        var shared = 20 * sin6PiX + 20 * sin2PiX;
        var sqrtAbsX = Math.Sqrt(Math.Abs(x));
        var northing = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrtAbsX
            + (shared
               + 20 * sinPiY + 40 * sinPiYOver3
               + 160 * Math.Sin(Math.PI / 12 * y) + 320 * Math.Sin(Math.PI / 30 * y)) * 2 / 3;
        var easting = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrtAbsX
            + (shared
               + 20 * sinPiX + 40 * sinPiXOver3
               + 150 * Math.Sin(Math.PI / 12 * x) + 300 * Math.Sin(Math.PI / 30 * x)) * 2 / 3;

        // Metres to degrees with the Krasovsky meridian and prime-vertical radii of curvature.
        var (sinLat, cosLat) = Math.SinCos(lat * (Math.PI / 180));
        var w2 = 1 - KrasovskyEccentricitySquared * sinLat * sinLat;
        var w = Math.Sqrt(w2);
        var meridianRadius = KrasovskyA * (1 - KrasovskyEccentricitySquared) / (w2 * w);
        var primeVerticalRadius = KrasovskyA / w;
        return (northing * (180 / Math.PI) / meridianRadius, easting * (180 / Math.PI) / (primeVerticalRadius * cosLat));
    }

    private static double TripleAngleSine(double sin) => sin * (3 - 4 * sin * sin);
}
