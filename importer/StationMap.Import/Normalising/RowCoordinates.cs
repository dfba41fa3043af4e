using System.Globalization;
using StationMap.Domain.Geo;
using StationMap.Domain.Queries;
using StationMap.Import.Reading;

namespace StationMap.Import.Normalising;

/// <summary>
/// Reads a row's lat/lon, checks ranges (hinting at swapped columns), converts the datum to WGS-84 and checks the
/// declared region; shared by every import target so that all data enters through the same door.
/// </summary>
internal static class RowCoordinates
{
    /// <summary>Why a row with an address and no coordinates is rejected (the report counts these rows apart).</summary>
    public const string AddressWithoutCoordinates =
        "no coordinates, only an address: the importer does not geocode; give the row's lat/lon (纬度/经度), e.g. from a map's coordinate picker";

    /// <summary>The WGS-84 position of the row, or null after telling <paramref name="reject"/> (field, value, reason) why not.</summary>
    public static LatLon? Read(SourceRow row, CoordinateSystem crs, BoundingBox? region, Action<string, string?, string> reject)
    {
        if (row[ImportField.Lat] is null && row[ImportField.Lon] is null && row[ImportField.Address] is { } address)
        {
            reject("lat,lon", address, AddressWithoutCoordinates);
            return null;
        }
        var lat = Coordinate(row, ImportField.Lat, reject);
        var lon = Coordinate(row, ImportField.Lon, reject);
        if (lat is null || lon is null)
        {
            return null;
        }
        var latOk = lat >= -90 && lat <= 90;
        var lonOk = lon >= -180 && lon <= 180;
        if (!latOk || !lonOk)
        {
            var swapped = lon >= -90 && lon <= 90 && lat >= -180 && lat <= 180;
            var hint = swapped ? "; latitude and longitude look swapped" : "";
            if (!latOk)
            {
                reject("lat", row[ImportField.Lat], $"out of range [-90, 90]{hint}");
            }
            if (!lonOk)
            {
                reject("lon", row[ImportField.Lon], $"out of range [-180, 180]{hint}");
            }
            return null;
        }
        var wgs84 = crs.ToWgs84(new LatLon(lat.Value, lon.Value));
        if (region is { } box && !box.Contains(wgs84.Lat, wgs84.Lon))
        {
            var swappedPoint = crs.ToWgs84(new LatLon(lon.Value, lat.Value));
            var reason = box.Contains(swappedPoint.Lat, swappedPoint.Lon)
                ? "outside the declared region; latitude and longitude look swapped"
                : "outside the declared region " + FormatBox(box);
            reject("lat,lon", $"{row[ImportField.Lat]},{row[ImportField.Lon]}", reason);
            return null;
        }
        return wgs84;
    }

    private static double? Coordinate(SourceRow row, ImportField field, Action<string, string?, string> reject)
    {
        var text = row[field];
        if (text is null)
        {
            reject(field.ToWire(), null, "is required");
            return null;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            reject(field.ToWire(), text, "is not a number");
            return null;
        }
        return value;
    }

    private static string FormatBox(BoundingBox box) =>
        string.Create(CultureInfo.InvariantCulture, $"{box.MinLon},{box.MinLat},{box.MaxLon},{box.MaxLat}");
}
