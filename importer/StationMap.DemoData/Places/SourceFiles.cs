using System.Globalization;
using System.Text;
using StationMap.Domain;
using StationMap.Import.Normalising;

namespace StationMap.DemoData.Places;

/// <summary>
/// Writes <see cref="OverlappingSources"/> as files: one CSV per list for the importer (every list labelled WGS-84,
/// whatever the host list's export really holds), the truth beside them, or one labelled CSV with every record and
/// the station it is (<c>tests/cases/places/generated.csv</c>). Streams: each file is a fresh pass of the generator.
/// </summary>
public static class SourceFiles
{
    /// <summary>The labelled file's columns.</summary>
    public static readonly string[] LabelledColumns =
        ["station", "source", "external_id", "kind", "name", "address", "phone", "host", "lat", "lon", "gcj02_mislabelled"];

    /// <summary>Writes <c>union.csv</c>, <c>hosts.csv</c>, <c>osm.csv</c> and <c>truth.csv</c> into <paramref name="directory"/>; the records per list.</summary>
    public static IReadOnlyDictionary<string, long> WriteSources(Func<IEnumerable<SourcedRecord>> generate, string directory)
    {
        Directory.CreateDirectory(directory);
        var counts = new Dictionary<string, long>();
        foreach (var source in OverlappingSources.Sources)
        {
            counts[source] = DemoFiles.WriteCsv(
                generate().Where(r => r.Source == source).Select(r => r.Record), Path.Combine(directory, source + ".csv"), CoordinateSystem.Wgs84);
        }
        using var truth = Writer(Path.Combine(directory, "truth.csv"));
        truth.WriteLine("station,source,external_id,gcj02_mislabelled");
        foreach (var r in generate())
        {
            truth.WriteLine(string.Join(',', r.Station, r.Source, r.Record.ExternalId, r.Gcj02Mislabelled ? "true" : "false"));
        }
        return counts;
    }

    /// <summary>Writes every record with its station into one CSV (RFC 4180 quoting); how many.</summary>
    public static long WriteLabelled(IEnumerable<SourcedRecord> records, string path)
    {
        using var writer = Writer(path);
        writer.WriteLine(string.Join(',', LabelledColumns));
        long count = 0;
        foreach (var r in records)
        {
            var x = r.Record;
            writer.WriteLine(string.Join(',', new[]
            {
                r.Station, r.Source, x.ExternalId, x.Kind.ToWire(), x.Name, x.Address, x.Phone, x.Host,
                x.Lat.ToString("R", CultureInfo.InvariantCulture), x.Lon.ToString("R", CultureInfo.InvariantCulture),
                r.Gcj02Mislabelled ? "true" : "false",
            }.Select(Quoted)));
            count++;
        }
        return count;
    }

    private static StreamWriter Writer(string path) =>
        new(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16) { NewLine = "\n" };

    private static string Quoted(string? value) =>
        string.IsNullOrEmpty(value) ? ""
        : value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value
        : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
