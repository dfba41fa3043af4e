namespace StationMap.Domain.Geo;

/// <summary>
/// Conversions between WGS-84 (GPS, OpenStreetMap) and the two shifted datums Chinese web maps use:
/// GCJ-02 (AMap, Tencent, Google Maps in China) and BD-09 (Baidu).
/// </summary>
/// <remarks>
/// Like the published algorithms, positions outside a rough bounding box of China are returned unchanged in every
/// direction. The inverses are solved numerically to about a micrometre, so a round trip returns the position it started
/// from. Nothing here allocates.
/// </remarks>
public static class ChinaCoordinates
{
    // BD-09 as circulated under the name "bd_encrypt" (the x_pi = π·3000/180 formula), e.g. in github.com/wandergis/coordtransform.
    private const double BdXPi = Math.PI * 3000 / 180;
    private const double BdLatOffset = 0.006;
    private const double BdLonOffset = 0.0065;

    // A last correction under 1e-9° (0.1 mm) leaves an error fifty to a hundred times smaller still: a micrometre.
    private const double InverseTolerance = 1e-9;
    private const int MaxInverseIterations = 10;

    /// <summary>
    /// Whether a position lies outside the rectangle (lon 72.004–137.8347, lat 0.8293–55.8271) inside which the published
    /// algorithms shift positions. It is a rough box, not the border: it includes parts of neighbouring countries.
    /// </summary>
    /// <param name="lat">Latitude in degrees.</param>
    /// <param name="lon">Longitude in degrees.</param>
    public static bool IsOutsideChina(double lat, double lon) =>
        lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;

    /// <summary>Shifts a WGS-84 position to GCJ-02.</summary>
    /// <param name="p">A WGS-84 position.</param>
    public static LatLon Wgs84ToGcj02(LatLon p)
    {
        if (IsOutsideChina(p.Lat, p.Lon))
        {
            return p;
        }
        var (dLat, dLon) = Gcj02Offset.At(p.Lat, p.Lon);
        return new LatLon(p.Lat + dLat, p.Lon + dLon);
    }

    /// <summary>Recovers the WGS-84 position that <see cref="Wgs84ToGcj02"/> shifts to <paramref name="p"/>.</summary>
    /// <param name="p">A GCJ-02 position.</param>
    public static LatLon Gcj02ToWgs84(LatLon p)
    {
        if (IsOutsideChina(p.Lat, p.Lon))
        {
            return p;
        }
        // Fixed-point iteration w ← g − offset(w). Its first round is the usual one-step inverse, off by up to a few metres;
        // the offset varies so slowly that each further round shrinks the error about a hundredfold: three to five in all.
        var lat = p.Lat;
        var lon = p.Lon;
        for (var i = 0; i < MaxInverseIterations; i++)
        {
            var (dLat, dLon) = Gcj02Offset.At(lat, lon);
            var nextLat = p.Lat - dLat;
            var nextLon = p.Lon - dLon;
            var converged = Math.Abs(nextLat - lat) < InverseTolerance && Math.Abs(nextLon - lon) < InverseTolerance;
            lat = nextLat;
            lon = nextLon;
            if (converged)
            {
                break;
            }
        }
        return new LatLon(lat, lon);
    }

    /// <summary>Shifts a GCJ-02 position to BD-09.</summary>
    /// <param name="p">A GCJ-02 position.</param>
    public static LatLon Gcj02ToBd09(LatLon p) =>
        IsOutsideChina(p.Lat, p.Lon) ? p : Bd09Encrypt(p.Lat, p.Lon);

    /// <summary>Recovers the GCJ-02 position that <see cref="Gcj02ToBd09"/> shifts to <paramref name="p"/>.</summary>
    /// <param name="p">A BD-09 position.</param>
    public static LatLon Bd09ToGcj02(LatLon p)
    {
        if (IsOutsideChina(p.Lat, p.Lon))
        {
            return p;
        }
        // The published closed-form "bd_decrypt" is only a first-order inverse, off by up to 0.23 m; correcting it by the
        // forward residual converges in two or three rounds because the forward map is nearly a translation.
        var x = p.Lon - BdLonOffset;
        var y = p.Lat - BdLatOffset;
        var z = Math.Sqrt(x * x + y * y) - 0.00002 * Math.Sin(y * BdXPi);
        var theta = Math.Atan2(y, x) - 0.000003 * Math.Cos(x * BdXPi);
        var (sinTheta, cosTheta) = Math.SinCos(theta);
        var lat = z * sinTheta;
        var lon = z * cosTheta;
        for (var i = 0; i < MaxInverseIterations; i++)
        {
            var bd = Bd09Encrypt(lat, lon);
            var dLat = p.Lat - bd.Lat;
            var dLon = p.Lon - bd.Lon;
            lat += dLat;
            lon += dLon;
            if (Math.Abs(dLat) < InverseTolerance && Math.Abs(dLon) < InverseTolerance)
            {
                break;
            }
        }
        return new LatLon(lat, lon);
    }

    /// <summary>Shifts a WGS-84 position to BD-09, through GCJ-02.</summary>
    /// <param name="p">A WGS-84 position.</param>
    public static LatLon Wgs84ToBd09(LatLon p) => Gcj02ToBd09(Wgs84ToGcj02(p));

    /// <summary>Recovers the WGS-84 position that <see cref="Wgs84ToBd09"/> shifts to <paramref name="p"/>, through GCJ-02.</summary>
    /// <param name="p">A BD-09 position.</param>
    public static LatLon Bd09ToWgs84(LatLon p) => Gcj02ToWgs84(Bd09ToGcj02(p));

    private static LatLon Bd09Encrypt(double lat, double lon)
    {
        var z = Math.Sqrt(lon * lon + lat * lat) + 0.00002 * Math.Sin(lat * BdXPi);
        var theta = Math.Atan2(lat, lon) + 0.000003 * Math.Cos(lon * BdXPi);
        var (sinTheta, cosTheta) = Math.SinCos(theta);
        return new LatLon(z * sinTheta + BdLatOffset, z * cosTheta + BdLonOffset);
    }
}
