namespace StationMap.Domain.Geo;

/// <summary>
/// The series of Vincenty's inverse method that map the auxiliary sphere onto the ellipsoid
/// (T. Vincenty, 1975, "Direct and inverse solutions of geodesics on the ellipsoid", Survey Review XXIII/176, eqs. 3–7, 10–11).
/// </summary>
internal static class VincentySeries
{
    /// <summary>
    /// λ − ω: how much further the geodesic runs in longitude on the auxiliary sphere than on the ellipsoid (Vincenty eqs. 10–11).
    /// </summary>
    public static double LongitudeExcess(double sinAlpha0, double cos2Alpha0, double sigma, double sinSigma, double cosSigma, double cos2SigmaM)
    {
        var c = Wgs84.F / 16 * cos2Alpha0 * (4 + Wgs84.F * (4 - 3 * cos2Alpha0));
        return (1 - c) * Wgs84.F * sinAlpha0
            * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
    }

    /// <summary>The ellipsoidal length of a geodesic spanning <paramref name="sigma"/> on the auxiliary sphere (Vincenty eqs. 3–7).</summary>
    public static double Length(double cos2Alpha0, double sigma, double sinSigma, double cosSigma, double cos2SigmaM)
    {
        var uSq = cos2Alpha0 * Wgs84.SecondEccentricitySquared;
        var a = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
        var b = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
        var cos2SigmaMSq = cos2SigmaM * cos2SigmaM;
        var deltaSigma = b * sinSigma * (cos2SigmaM + b / 4
            * (cosSigma * (-1 + 2 * cos2SigmaMSq) - b / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaMSq)));
        return Wgs84.B * a * (sigma - deltaSigma);
    }
}
