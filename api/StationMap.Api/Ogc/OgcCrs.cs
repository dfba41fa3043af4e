using StationMap.Api.Infrastructure;

namespace StationMap.Api.Ogc;

/// <summary>
/// The coordinate reference systems features are served in (OGC API – Features Part 2): CRS84 (WGS-84 longitude,
/// latitude, the GeoJSON default) and CGCS2000 (EPSG:4490, the datum of Chinese government GIS).
/// </summary>
/// <remarks>
/// Stations are stored in WGS-84. CGCS2000 and WGS-84 (G1762) agree to within a few centimetres over China, far below
/// the precision of any station's position, so a position is served as CGCS2000 unchanged: only the axis order
/// differs, since EPSG:4490, like EPSG:4326, orders its axes latitude, longitude (and a bbox given in it likewise).
/// </remarks>
public static class OgcCrs
{
    public const string Crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    public const string Cgcs2000 = "http://www.opengis.net/def/crs/EPSG/0/4490";

    /// <summary>Every CRS a client may ask for with <c>crs</c> or <c>bbox-crs</c>; the first is the default and the storage CRS.</summary>
    public static readonly IReadOnlyList<string> Supported = [Crs84, Cgcs2000];

    /// <summary>Whether positions in <paramref name="crs"/> are written latitude first.</summary>
    public static bool IsLatitudeFirst(string crs) => crs == Cgcs2000;

    /// <summary>A point at (lat, lon) with its coordinates in the axis order of <paramref name="crs"/>.</summary>
    public static PointGeometry Point(string crs, double lat, double lon) =>
        IsLatitudeFirst(crs) ? new PointGeometry([lat, lon]) : PointGeometry.At(lon, lat);

    /// <summary>The value of the <c>Content-Crs</c> header (Part 2): the URI in angle brackets.</summary>
    public static string Header(string crs) => $"<{crs}>";
}
