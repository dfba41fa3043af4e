using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using StationMap.Domain;
using StationMap.Domain.Geo;
using StationMap.Import;
using StationMap.Import.Normalising;
using StationMap.Import.Reading;

namespace StationMap.DemoData;

/// <summary>
/// Writes generated stations as the files the importer reads (CSV with the importer's English headers, or a GeoJSON
/// FeatureCollection; columns as <see cref="StationFileColumns"/>), with coordinates shifted into
/// <see cref="CoordinateSystem"/> as Amap or Baidu exports would be.
/// Streams: one record in memory at a time.
/// </summary>
public static class DemoFiles
{
    public static long WriteCsv(IEnumerable<StationRecord> records, string path, CoordinateSystem crs)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        writer.WriteLine(string.Join(",", StationFileColumns.Fields.Select(c => c.ToWire())));
        long count = 0;
        var line = new StringBuilder(256);
        foreach (var record in records)
        {
            line.Clear();
            var shifted = InDatum(crs, record);
            for (var i = 0; i < StationFileColumns.Fields.Count; i++)
            {
                if (i > 0)
                {
                    line.Append(',');
                }
                AppendQuoted(line, StationFileColumns.Text(shifted, StationFileColumns.Fields[i]));
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
            var shifted = InDatum(crs, record);
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteString("id", record.ExternalId);
            json.WriteStartObject("geometry");
            json.WriteString("type", "Point");
            json.WriteStartArray("coordinates");
            json.WriteNumberValue(shifted.Lon);
            json.WriteNumberValue(shifted.Lat);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("properties");
            foreach (var column in StationFileColumns.Fields.Where(c => c is not (ImportField.ExternalId or ImportField.Lat or ImportField.Lon)))
            {
                if (StationFileColumns.Text(shifted, column) is { } value)
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

    // The record with its position in the file's datum, as Amap or Baidu exports would hold it.
    private static StationRecord InDatum(CoordinateSystem crs, StationRecord r)
    {
        var p = crs switch
        {
            CoordinateSystem.Gcj02 => ChinaCoordinates.Wgs84ToGcj02(new LatLon(r.Lat, r.Lon)),
            CoordinateSystem.Bd09 => ChinaCoordinates.Wgs84ToBd09(new LatLon(r.Lat, r.Lon)),
            _ => new LatLon(r.Lat, r.Lon),
        };
        return r with { Lat = p.Lat, Lon = p.Lon };
    }

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
