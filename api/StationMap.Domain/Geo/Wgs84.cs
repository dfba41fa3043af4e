namespace StationMap.Domain.Geo;

/// <summary>The WGS-84 ellipsoid (NIMA TR8350.2), as the geodesic code needs it.</summary>
internal static class Wgs84
{
    /// <summary>Semi-major axis, metres.</summary>
    public const double A = 6_378_137.0;

    /// <summary>Flattening.</summary>
    public const double F = 1 / 298.257223563;

    /// <summary>Semi-minor axis, metres.</summary>
    public const double B = A * (1 - F);

    /// <summary>Second eccentricity squared, (a² − b²) / b².</summary>
    public const double SecondEccentricitySquared = F * (2 - F) / ((1 - F) * (1 - F));
}
