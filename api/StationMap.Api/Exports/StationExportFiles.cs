using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using StationMap.Api.Infrastructure;
using StationMap.Domain;
using StationMap.Import;
using StationMap.Import.Reading;

namespace StationMap.Api.Exports;

/// <summary>
/// Stations written in the importer's own layout (<see cref="StationFileColumns"/>, plus the station's source, which
/// the importer does not read: a file re-imports under the source given to the importer), streamed: a batch of rows at
/// a time goes to the response. WGS-84, as everywhere in the API.
/// </summary>
internal static class StationExportFiles
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string GeoJsonContentType = "application/geo+json";

    /// <summary>The sheet of the .xlsx.</summary>
    public const string SheetName = "stations";

    private const int RowsPerWrite = 512;
    private const string SourceColumn = "source";

    private static readonly string[] Headers = [.. StationFileColumns.Fields.Select(f => f.ToWire()), SourceColumn];

    /// <summary>CSV with a UTF-8 byte order mark (Excel reads a CSV without one in the machine's code page).</summary>
    public static async Task WriteCsvAsync(IAsyncEnumerable<Station> stations, Stream body, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
        var batch = new StringBuilder(1 << 17);
        batch.AppendJoin(',', Headers).Append('\n');
        var rows = 0;
        await foreach (var station in stations.WithCancellation(cancellationToken))
        {
            foreach (var field in StationFileColumns.Fields)
            {
                var text = StationFileColumns.Text(station.Record, field);
                // Numbers are ours, never formulas: only texts get the formula guard.
                batch.Append(StationFileColumns.IsNumber(field) ? text : CsvField.Quote(text)).Append(',');
            }
            batch.Append(CsvField.Quote(station.Source)).Append('\n');
            if (++rows % RowsPerWrite == 0)
            {
                await writer.WriteAsync(batch, cancellationToken);
                batch.Clear();
            }
        }
        await writer.WriteAsync(batch, cancellationToken);
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// One sheet, the header in its first row (frozen); coordinates and truck figures as numbers, the rest as text
    /// in text-formatted columns. Cells hold no formula guard: a cell written as text is never run as a formula.
    /// </summary>
    public static async Task WriteXlsxAsync(IAsyncEnumerable<Station> stations, Stream body, CancellationToken cancellationToken)
    {
        var widths = Headers.Select(h => h switch
        {
            "name" or "address" or "host" => 36.0,
            "amenities" or "opening_hours" => 28.0,
            _ => 14.0,
        }).ToArray();
        var text = Headers.Select((h, i) => i >= StationFileColumns.Fields.Count || !StationFileColumns.IsNumber(StationFileColumns.Fields[i])).ToArray();
        await using var sheet = XlsxSheetWriter.Start(body, SheetName, widths, text);
        await sheet.WriteRowAsync(Headers, header: true, cancellationToken);
        var cells = new object?[Headers.Length];
        await foreach (var station in stations.WithCancellation(cancellationToken))
        {
            var r = station.Record;
            for (var i = 0; i < StationFileColumns.Fields.Count; i++)
            {
                cells[i] = StationFileColumns.Fields[i] switch
                {
                    ImportField.Lat => r.Lat,
                    ImportField.Lon => r.Lon,
                    ImportField.TruckParkingSpaces => r.TruckParkingSpaces,
                    ImportField.MaxVehicleLengthM => r.MaxVehicleLengthM,
                    var field => StationFileColumns.Text(r, field),
                };
            }
            cells[^1] = station.Source;
            await sheet.WriteRowAsync(cells, header: false, cancellationToken);
        }
    }

    /// <summary>
    /// A FeatureCollection: each feature's <c>id</c> is the external id, its properties the other columns (numbers as
    /// numbers, hazmat_allowed as a boolean), as the importer's GeoJSON reader takes them.
    /// </summary>
    public static async Task WriteGeoJsonAsync(IAsyncEnumerable<Station> stations, Stream body, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        var rows = 0;
        await foreach (var station in stations.WithCancellation(cancellationToken))
        {
            var r = station.Record;
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteString("id", r.ExternalId);
            json.WriteStartObject("geometry");
            json.WriteString("type", "Point");
            json.WriteStartArray("coordinates");
            json.WriteNumberValue(r.Lon);
            json.WriteNumberValue(r.Lat);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("properties");
            foreach (var field in StationFileColumns.Fields)
            {
                switch (field)
                {
                    case ImportField.ExternalId or ImportField.Lat or ImportField.Lon:
                        break;
                    case ImportField.TruckParkingSpaces when r.TruckParkingSpaces is { } spaces:
                        json.WriteNumber(field.ToWire(), spaces);
                        break;
                    case ImportField.MaxVehicleLengthM when r.MaxVehicleLengthM is { } length:
                        json.WriteNumber(field.ToWire(), length);
                        break;
                    case ImportField.HazmatAllowed:
                        json.WriteBoolean(field.ToWire(), r.HazmatAllowed);
                        break;
                    default:
                        if (StationFileColumns.Text(r, field) is { } value)
                        {
                            json.WriteString(field.ToWire(), value);
                        }
                        break;
                }
            }
            json.WriteString(SourceColumn, station.Source);
            json.WriteEndObject();
            json.WriteEndObject();
            if (++rows % RowsPerWrite == 0)
            {
                await json.FlushAsync(cancellationToken);
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    /// <summary>stations.csv, or stations-朝阳区-warm_station.xlsx for a district and a kind.</summary>
    public static string FileName(Store.Exports.StationExportFilter filter, string extension)
    {
        var parts = new List<string> { "stations" };
        if (filter.Source is { } source)
        {
            parts.Add(source);
        }
        if (filter.District is { } district)
        {
            parts.Add(district);
        }
        parts.AddRange(filter.Kinds.Select(k => k.ToWire()));
        var name = string.Join('-', parts);
        // A name from the query string must not carry a path or a header's line break into the download's name.
        var safe = new string([.. name.Select(c => char.IsControl(c) || c is '/' or '\\' or '"' or ':' ? '_' : c)]);
        return $"{safe}.{extension}";
    }
}
