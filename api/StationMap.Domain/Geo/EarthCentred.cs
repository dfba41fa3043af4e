namespace StationMap.Domain.Geo;

/// <summary>
/// A point in Earth-centred, Earth-fixed coordinates on the WGS-84 ellipsoid, metres. Within a few kilometres the
/// straight-line distance between two such points is the geodesic distance to within a millimetre (the difference
/// grows as d³/24R²), which makes it the cheap exact-enough metric for route corridors.
/// </summary>
internal readonly record struct EarthCentred(double X, double Y, double Z)
{
    private const double DegreesToRadians = Math.PI / 180;
    private const double EccentricitySquared = Wgs84.F * (2 - Wgs84.F);

    public static EarthCentred From(double lat, double lon)
    {
        var phi = lat * DegreesToRadians;
        var lambda = lon * DegreesToRadians;
        var (sinPhi, cosPhi) = Math.SinCos(phi);
        var (sinLambda, cosLambda) = Math.SinCos(lambda);
        // Prime vertical radius of curvature.
        var n = Wgs84.A / Math.Sqrt(1 - EccentricitySquared * sinPhi * sinPhi);
        return new EarthCentred(n * cosPhi * cosLambda, n * cosPhi * sinLambda, n * (1 - EccentricitySquared) * sinPhi);
    }

    public static EarthCentred operator -(EarthCentred a, EarthCentred b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    public static EarthCentred operator +(EarthCentred a, EarthCentred b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    public static EarthCentred operator *(double s, EarthCentred a) => new(s * a.X, s * a.Y, s * a.Z);

    public double Dot(EarthCentred other) => X * other.X + Y * other.Y + Z * other.Z;

    public double Length => Math.Sqrt(Dot(this));

    public double DistanceTo(EarthCentred other) => (this - other).Length;
}
