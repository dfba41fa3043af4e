using System.Globalization;
using System.Text;
using StationMap.Benchmarks.Nearest;
using StationMap.DemoData;
using StationMap.Domain.Search;

namespace StationMap.Benchmarks.Search;

/// <summary>
/// The queries of <c>scripts/bench.sh search</c>, drawn from the generated stations the benchmark database holds: a
/// fragment of 1-6 characters of a station's name, address or district, a fifth of them in full-width forms, some
/// with a generic suffix added, half asked from a position within 10 km of that station. One line per query:
/// <c>url-encoded query, query, what the index searches for (normalised, without suffixes), lat, lon</c> (tab-separated,
/// the position empty when none).
/// </summary>
internal static class SearchQuerySet
{
    public static int Run(string[] args)
    {
        var options = new CommandOptions(args);
        var count = options.GetInt("count", 1_000_000);
        var queries = options.GetInt("queries", 20_000);
        var random = new Random(options.GetInt("seed", 11));
        var written = 0;
        foreach (var station in StationGenerator.Generate(count, options.GetInt("stations-seed", 7), GeneratorRegion.Jingjinji))
        {
            // Each station is drawn with the same chance, so the set follows the stations wherever they are.
            if (random.NextDouble() * count >= queries || written == queries)
            {
                continue;
            }
            var field = random.Next(20) switch
            {
                < 9 => station.Name,
                < 17 => station.Address ?? station.Name,
                _ => station.District ?? station.Name,
            };
            var text = Fragment(random, field);
            if (random.Next(5) == 0)
            {
                text = FullWidth(text);
            }
            if (random.Next(7) == 0)
            {
                text += GenericSuffixes.All[random.Next(GenericSuffixes.All.Count)];
            }
            if (SearchText.QueryCore(text).Length == 0)
            {
                continue;
            }
            var position = random.Next(2) == 0 ? Near(random, station.Lat, station.Lon) : ((double, double)?)null;
            Console.WriteLine(string.Join('\t',
                Uri.EscapeDataString(text), text, SearchText.QueryCore(text),
                position is { } p ? p.Item1.ToString("F6", CultureInfo.InvariantCulture) : "",
                position is { } q ? q.Item2.ToString("F6", CultureInfo.InvariantCulture) : ""));
            written++;
        }
        return 0;
    }

    /// <summary>The set as written: the query, and the position if any.</summary>
    public static List<(string Text, string Core, double? Lat, double? Lon)> Read(string path) =>
        [.. File.ReadLines(path).Select(line => line.Split('\t')).Select(f => (
            f[1], f[2],
            f[3].Length > 0 ? double.Parse(f[3], CultureInfo.InvariantCulture) : (double?)null,
            f[4].Length > 0 ? double.Parse(f[4], CultureInfo.InvariantCulture) : (double?)null))];

    private static string Fragment(Random random, string text)
    {
        // Whole characters only: spaces and brackets are part of what people copy, but a fragment of them alone is not a query.
        var length = Math.Min(text.Length, random.Next(1, 7));
        return text.Substring(random.Next(text.Length - length + 1), length);
    }

    private static (double, double) Near(Random random, double lat, double lon)
    {
        var distanceM = random.NextDouble() * 10_000;
        var bearing = random.NextDouble() * 2 * Math.PI;
        var dLat = distanceM * Math.Cos(bearing) / 111_320;
        var dLon = distanceM * Math.Sin(bearing) / (111_320 * Math.Cos(lat * Math.PI / 180));
        return (lat + dLat, lon + dLon);
    }

    private static string FullWidth(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is > ' ' and <= '~' ? (char)(c - 0x21 + 0xFF01) : c == ' ' ? '\u3000' : c);
        }
        return builder.ToString();
    }
}
