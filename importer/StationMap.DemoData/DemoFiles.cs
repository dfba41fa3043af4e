using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using StationMap.Domain;
using StationMap.Domain.Geo;
using StationMap.Import.Normalising;
using StationMap.Import.Reading;

namespace StationMap.DemoData;

/// <summary>
/// Writes generated stations as the files the importer reads (CSV with the importer's English headers, or a GeoJSON
/// FeatureCollection), with coordinates shifted into <see cref="CoordinateSystem"/> as Amap or Baidu exports would be.
/// Streams: one record in memory at a time.
/// </summary>
public static class DemoFiles
{
    private static readonly ImportField[] Columns =
    [
        ImportField.ExternalId, ImportField.Name, ImportField.Kind, ImportField.Lat, ImportField.Lon, ImportField.Address,
        ImportField.District, ImportField.Amenities, ImportField.OpeningHours, ImportField.Phone, ImportField.Host,
        ImportField.TruckParkingSpaces, ImportField.MaxVehicleLengthM, ImportField.HazmatAllowed,
    ];

    public static long WriteCsv(IEnumerable<StationRecord> records, string path, CoordinateSystem crs)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        writer.WriteLine(string.Join(",", Columns.Select(c => c.ToWire())));
        long count = 0;
        var line = new StringBuilder(256);
        foreach (var record in records)
        {
            line.Clear();
            for (var i = 0; i < Columns.Length; i++)
            {
                if (i > 0)
                {
                    line.Append(',');
                }
                AppendQuoted(line, Value(record, Columns[i], crs));
            }
            writer.WriteLine(line);
            count++;
        }
        return count;
    }

    public static long WriteGeoJson(IEnumerable<StationRecord> records, string path, CoordinateSystem crs)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        long count = 0;
        foreach (var record in records)
        {
            var p = FromWgs84(crs, record);
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteString("id", record.ExternalId);
            json.WriteStartObject("geometry");
            json.WriteString("type", "Point");
            json.WriteStartArray("coordinates");
            json.WriteNumberValue(p.Lon);
            json.WriteNumberValue(p.Lat);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("properties");
            foreach (var column in Columns.Where(c => c is not (ImportField.ExternalId or ImportField.Lat or ImportField.Lon)))
            {
                if (Value(record, column, crs) is { } value)
                {
                    json.WriteString(column.ToWire(), value);
                }
            }
            json.WriteEndObject();
            json.WriteEndObject();
            count++;
            if (count % 10_000 == 0)
            {
                json.Flush();
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
        return count;
    }

    private static LatLon FromWgs84(CoordinateSystem crs, StationRecord r) => crs switch
    {
        CoordinateSystem.Gcj02 => ChinaCoordinates.Wgs84ToGcj02(new LatLon(r.Lat, r.Lon)),
        CoordinateSystem.Bd09 => ChinaCoordinates.Wgs84ToBd09(new LatLon(r.Lat, r.Lon)),
        _ => new LatLon(r.Lat, r.Lon),
    };

    private static string? Value(StationRecord r, ImportField field, CoordinateSystem crs) => field switch
    {
        ImportField.ExternalId => r.ExternalId,
        ImportField.Name => r.Name,
        ImportField.Kind => r.Kind.ToWire(),
        ImportField.Lat => FromWgs84(crs, r).Lat.ToString("R", CultureInfo.InvariantCulture),
        ImportField.Lon => FromWgs84(crs, r).Lon.ToString("R", CultureInfo.InvariantCulture),
        ImportField.Address => r.Address,
        ImportField.District => r.District,
        ImportField.Amenities => string.Join(';', Amenities.ToWire(r.Amenities)) is { Length: > 0 } list ? list : null,
        ImportField.OpeningHours => r.OpeningHours,
        ImportField.Phone => r.Phone,
        ImportField.Host => r.Host,
        ImportField.TruckParkingSpaces => r.TruckParkingSpaces?.ToString(CultureInfo.InvariantCulture),
        ImportField.MaxVehicleLengthM => r.MaxVehicleLengthM?.ToString("R", CultureInfo.InvariantCulture),
        ImportField.HazmatAllowed => r.HazmatAllowed ? "true" : "false",
        _ => null,
    };

    private static void AppendQuoted(StringBuilder line, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            line.Append(value);
            return;
        }
        line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
