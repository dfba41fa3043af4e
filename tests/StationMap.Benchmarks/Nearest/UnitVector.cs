namespace StationMap.Benchmarks.Nearest;

/// <summary>A point on the unit sphere for a (lat, lon) in degrees.</summary>
public static class UnitVector
{
    private const double DegreesToRadians = Math.PI / 180;

    public static (double X, double Y, double Z) From(double lat, double lon)
    {
        var (sinLat, cosLat) = Math.SinCos(lat * DegreesToRadians);
        var (sinLon, cosLon) = Math.SinCos(lon * DegreesToRadians);
        return (cosLat * cosLon, cosLat * sinLon, sinLat);
    }

    public static double ChordSquared((double X, double Y, double Z) a, (double X, double Y, double Z) b)
    {
        var dx = a.X - b.X;
        var dy = a.Y - b.Y;
        var dz = a.Z - b.Z;
        return dx * dx + dy * dy + dz * dz;
    }
}
