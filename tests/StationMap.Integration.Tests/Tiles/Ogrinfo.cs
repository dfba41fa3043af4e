using System.Globalization;
using System.Text.RegularExpressions;
using StationMap.Integration.Tests.Infrastructure;

namespace StationMap.Integration.Tests.Tiles;

/// <summary>
/// GDAL's <c>ogrinfo</c> (Debian <c>gdal-bin</c>, which scripts/test.sh installs), an external reader of our tiles: its
/// MVT driver opens a tile file and lists every feature with its fields and its point in EPSG:3857 metres.
/// </summary>
public static partial class Ogrinfo
{
    public sealed record Feature(string Layer, Dictionary<string, string> Fields, double X, double Y)
    {
        /// <summary>The feature's id in its layer (a station's id, where the source gives one).</summary>
        public long Fid { get; init; }
    }

    public sealed record Listing(Dictionary<string, int> FeatureCounts, List<Feature> Features);

    /// <summary>Runs <c>ogrinfo -ro -al</c> on <paramref name="path"/> with the driver's open options, and reads its listing.</summary>
    public static Task<Listing> ReadAsync(string path, params string[] openOptions) =>
        RunAsync(openOptions.SelectMany(o => new[] { "-oo", o }).Append(path));

    /// <summary>The same with configuration options (<c>--config KEY VALUE</c>), which some drivers read instead of open options.</summary>
    public static Task<Listing> ReadAsync(string path, IReadOnlyDictionary<string, string> config) =>
        RunAsync(config.SelectMany(c => new[] { "--config", c.Key, c.Value }).Append(path));

    private static async Task<Listing> RunAsync(IEnumerable<string> arguments) =>
        Parse(await ExternalTool.RunAsync("ogrinfo", "gdal-bin", new[] { "-ro", "-al" }.Concat(arguments)));

    /// <summary>Reads a listing <c>ogrinfo -al</c> printed.</summary>
    public static Listing Parse(string text)
    {
        var counts = new Dictionary<string, int>();
        var features = new List<Feature>();
        string? layer = null;
        Feature? current = null;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("Layer name: ", StringComparison.Ordinal))
            {
                layer = line["Layer name: ".Length..].Trim();
            }
            else if (line.StartsWith("Feature Count: ", StringComparison.Ordinal))
            {
                counts[layer!] = int.Parse(line["Feature Count: ".Length..], CultureInfo.InvariantCulture);
            }
            else if (FeatureStart().Match(line) is { Success: true } start)
            {
                current = new Feature(start.Groups[1].Value, [], double.NaN, double.NaN)
                {
                    Fid = long.Parse(start.Groups[2].Value, CultureInfo.InvariantCulture),
                };
                features.Add(current);
            }
            else if (current is not null && FieldLine().Match(line) is { Success: true } field)
            {
                current.Fields[field.Groups[1].Value] = field.Groups[2].Value.TrimEnd('\r');
            }
            else if (current is not null && PointLine().Match(line) is { Success: true } point)
            {
                features[^1] = current = current with
                {
                    X = double.Parse(point.Groups[1].Value, CultureInfo.InvariantCulture),
                    Y = double.Parse(point.Groups[2].Value, CultureInfo.InvariantCulture),
                };
            }
        }
        return new Listing(counts, features);
    }

    [GeneratedRegex(@"^OGRFeature\(([\w-]+)\):(\d+)")]
    private static partial Regex FeatureStart();

    // Field names as GDAL writes them: words, or a spreadsheet's headers such as 2026-11-01.
    [GeneratedRegex(@"^  ([\w-]+) \([^)]*\)+ = (.*)$")]
    private static partial Regex FieldLine();

    [GeneratedRegex(@"^  POINT \(([-0-9.e+]+) ([-0-9.e+]+)\)")]
    private static partial Regex PointLine();
}
