namespace StationMap.Domain.Nearest;

/// <summary>
/// Points as 3-D unit vectors (the ellipsoid normal at a geodetic latitude/longitude), and the bound that lets a
/// search in chord space find the nearest points on the WGS-84 spheroid.
/// </summary>
internal static class UnitSphere
{
    // The smallest radius of curvature of the WGS-84 ellipsoid is the meridional radius at the equator,
    // a(1 − e²) = 6,335,439 m. Along any curve of length s the normal turns by at most s / that radius, so a geodesic
    // of length s joins points whose normals are at most s / 6,335,439 rad apart. A little less keeps rounding safe.
    private const double MinCurvatureRadiusM = 6_335_000;

    private const double DegreesToRadians = Math.PI / 180;

    public static (double X, double Y, double Z) From(double lat, double lon)
    {
        var (sinLat, cosLat) = Math.SinCos(lat * DegreesToRadians);
        var (sinLon, cosLon) = Math.SinCos(lon * DegreesToRadians);
        return (cosLat * cosLon, cosLat * sinLon, sinLat);
    }

    /// <summary>
    /// A squared chord no shorter than that of any pair of points at most <paramref name="distanceM"/> apart on the
    /// spheroid: points beyond it in chord space are farther than the distance on the ground.
    /// </summary>
    public static double ChordSquaredBound(double distanceM)
    {
        var angle = distanceM / MinCurvatureRadiusM;
        if (angle >= Math.PI)
        {
            return double.PositiveInfinity;
        }
        var chord = 2 * Math.Sin(angle / 2);
        return chord * chord * (1 + 1e-9) + 1e-18;
    }

    /// <summary>
    /// A distance on the spheroid no longer than that between any two points whose normals are
    /// <paramref name="chordSquared"/> apart: the converse of <see cref="ChordSquaredBound"/>.
    /// </summary>
    public static double DistanceLowerBound(double chordSquared)
    {
        if (double.IsPositiveInfinity(chordSquared))
        {
            return double.PositiveInfinity;
        }
        var halfChord = Math.Min(1, Math.Sqrt(chordSquared) / 2);
        return Math.Max(0, 2 * Math.Asin(halfChord) * MinCurvatureRadiusM * (1 - 1e-9) - 1e-6);
    }
}
