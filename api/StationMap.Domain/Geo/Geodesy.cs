namespace StationMap.Domain.Geo;

/// <summary>Distances and bearings along geodesics on the WGS-84 ellipsoid.</summary>
/// <remarks>
/// Vincenty's inverse method agrees with GeographicLib (and so with PostGIS <c>ST_Distance(geography, geography, true)</c>)
/// to a small fraction of a millimetre. It fails to converge only for nearly antipodal points; those are handed to
/// <see cref="AntipodalGeodesic"/>. Nothing here allocates.
/// </remarks>
public static class Geodesy
{
    /// <summary>Mean Earth radius (IUGG R₁), metres; for quick bounds, not for distances.</summary>
    public const double EarthRadiusMeters = 6_371_008.8;

    // 1e-12 rad is 6 µm on the ground; lines of a few hundred kilometres converge in three to five rounds.
    private const double Tolerance = 1e-12;

    // Lines that still move after this many rounds are nearly antipodal, where the bisection is the surer path.
    private const int MaxIterations = 20;

    private const double DegreesToRadians = Math.PI / 180;

    /// <summary>Length in metres of the shortest geodesic between two points given in WGS-84 degrees.</summary>
    /// <param name="lat1">Latitude of the first point, in [-90, 90].</param>
    /// <param name="lon1">Longitude of the first point; any value, taken modulo 360.</param>
    /// <param name="lat2">Latitude of the second point, in [-90, 90].</param>
    /// <param name="lon2">Longitude of the second point; any value, taken modulo 360.</param>
    public static double DistanceMeters(double lat1, double lon1, double lat2, double lon2) =>
        Inverse(lat1, lon1, lat2, lon2).DistanceMeters;

    /// <summary>
    /// Azimuth in degrees, clockwise from true north and in [0, 360), in which the shortest geodesic leaves the first point
    /// towards the second; 0 when the points coincide.
    /// </summary>
    /// <param name="lat1">Latitude of the first point, in [-90, 90].</param>
    /// <param name="lon1">Longitude of the first point; any value, taken modulo 360.</param>
    /// <param name="lat2">Latitude of the second point, in [-90, 90].</param>
    /// <param name="lon2">Longitude of the second point; any value, taken modulo 360.</param>
    public static double InitialBearingDegrees(double lat1, double lon1, double lat2, double lon2) =>
        Inverse(lat1, lon1, lat2, lon2).InitialBearingDegrees;

    /// <summary>Distance and initial bearing of the shortest geodesic between two points given in WGS-84 degrees.</summary>
    /// <param name="lat1">Latitude of the first point, in [-90, 90].</param>
    /// <param name="lon1">Longitude of the first point; any value, taken modulo 360.</param>
    /// <param name="lat2">Latitude of the second point, in [-90, 90].</param>
    /// <param name="lon2">Longitude of the second point; any value, taken modulo 360.</param>
    public static GeodesicInverse Inverse(double lat1, double lon1, double lat2, double lon2)
    {
        // Vincenty's inverse formula: T. Vincenty, 1975, Survey Review XXIII/176, pp. 88–93.
        var lonDifference = LongitudeDifference(lon1, lon2);
        var l = lonDifference * DegreesToRadians;
        var (sinU1, cosU1) = ReducedLatitude(lat1);
        var (sinU2, cosU2) = ReducedLatitude(lat2);
        var sinU1SinU2 = sinU1 * sinU2;
        var cosU1CosU2 = cosU1 * cosU2;
        var cosU1SinU2 = cosU1 * sinU2;
        var sinU1CosU2 = sinU1 * cosU2;

        var lambda = l;
        for (var i = 0; i < MaxIterations; i++)
        {
            var (sinLambda, cosLambda) = Math.SinCos(lambda);
            var east = cosU2 * sinLambda;
            var north = cosU1SinU2 - sinU1CosU2 * cosLambda;
            var sinSigma = Math.Sqrt(east * east + north * north);
            var cosSigma = sinU1SinU2 + cosU1CosU2 * cosLambda;
            if (sinSigma == 0)
            {
                // Coincident points; exact antipodes, which have no single direction, go to the bisection.
                if (cosSigma > 0)
                {
                    return default;
                }
                break;
            }
            var sigma = Math.Atan2(sinSigma, cosSigma);
            var sinAlpha = cosU1CosU2 * sinLambda / sinSigma;
            var cos2Alpha = 1 - sinAlpha * sinAlpha;
            // Along the equator cos²α is 0 and the term it divides drops out.
            var cos2SigmaM = cos2Alpha != 0 ? cosSigma - 2 * sinU1SinU2 / cos2Alpha : 0;
            var previous = lambda;
            lambda = l + VincentySeries.LongitudeExcess(sinAlpha, cos2Alpha, sigma, sinSigma, cosSigma, cos2SigmaM);
            if (Math.Abs(lambda) > Math.PI)
            {
                break;
            }
            if (Math.Abs(lambda - previous) < Tolerance)
            {
                var distance = VincentySeries.Length(cos2Alpha, sigma, sinSigma, cosSigma, cos2SigmaM);
                return new GeodesicInverse(distance, BearingDegrees(east, north));
            }
        }
        return AntipodalGeodesic.Inverse(lat1, lat2, lonDifference);
    }

    /// <summary>lon2 − lon1 reduced to [-180, 180].</summary>
    private static double LongitudeDifference(double lon1, double lon2)
    {
        var difference = lon2 - lon1;
        // Longitudes within ±180 need at most one turn, which is exact and much cheaper than a remainder.
        if (difference > 180)
        {
            difference -= 360;
        }
        else if (difference < -180)
        {
            difference += 360;
        }
        return Math.Abs(difference) <= 180 ? difference : Math.IEEERemainder(difference, 360);
    }

    /// <summary>Turns the east and north components of a direction into a bearing in [0, 360).</summary>
    internal static double BearingDegrees(double east, double north)
    {
        var degrees = Math.Atan2(east, north) * (180 / Math.PI);
        if (degrees < 0)
        {
            degrees += 360;
        }
        // A tiny negative angle rounds up to exactly 360 when shifted.
        return degrees >= 360 ? 0 : degrees;
    }

    /// <summary>Sine and cosine of the reduced (parametric) latitude β, where tan β = (1 − f) tan φ.</summary>
    internal static (double Sin, double Cos) ReducedLatitude(double latDegrees)
    {
        var (sinPhi, cosPhi) = Math.SinCos(latDegrees * DegreesToRadians);
        var sin = (1 - Wgs84.F) * sinPhi;
        var norm = Math.Sqrt(sin * sin + cosPhi * cosPhi);
        return (sin / norm, cosPhi / norm);
    }
}
