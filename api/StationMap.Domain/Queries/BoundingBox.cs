using System.Globalization;

namespace StationMap.Domain.Queries;

/// <summary>A WGS-84 longitude/latitude rectangle; edges are inclusive. Boxes across the antimeridian are not supported.</summary>
public readonly record struct BoundingBox(double MinLon, double MinLat, double MaxLon, double MaxLat)
{
    public bool Contains(double lat, double lon) => lon >= MinLon && lon <= MaxLon && lat >= MinLat && lat <= MaxLat;

    /// <summary>Parses <c>minLon,minLat,maxLon,maxLat</c> (the RFC 7946 bbox order).</summary>
    public static bool TryParse(string text, out BoundingBox box, out string reason)
    {
        box = default;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 4)
        {
            reason = $"must be four numbers minLon,minLat,maxLon,maxLat, got {parts.Length} value(s)";
            return false;
        }
        var values = new double[4];
        string[] names = ["minLon", "minLat", "maxLon", "maxLat"];
        for (var i = 0; i < 4; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                reason = $"{names[i]} must be a number, got '{parts[i]}'";
                return false;
            }
        }
        var (minLon, minLat, maxLon, maxLat) = (values[0], values[1], values[2], values[3]);
        if (minLon < -180 || maxLon > 180)
        {
            reason = "longitudes must be between -180 and 180";
            return false;
        }
        if (minLat < -90 || maxLat > 90)
        {
            reason = "latitudes must be between -90 and 90";
            return false;
        }
        if (minLon > maxLon || minLat > maxLat)
        {
            reason = "is inverted: minLon must not exceed maxLon and minLat must not exceed maxLat";
            return false;
        }
        box = new BoundingBox(minLon, minLat, maxLon, maxLat);
        reason = "";
        return true;
    }
}
