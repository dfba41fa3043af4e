using System.Globalization;
using System.Text.RegularExpressions;
using StationMap.Store.Stations;

namespace StationMap.Benchmarks.Nearest;

/// <summary>
/// Writes a pgbench script that runs <see cref="StationQueries.NearestCandidatesSql"/> itself (the one-scan path the API takes for
/// nearly every request), so the raw-database baseline
/// cannot drift from what the API sends: lat/lon become random micro-degrees in the box, and the filters are the ones
/// a plain <c>?k=K</c> request leaves empty.
/// </summary>
internal static partial class PgbenchScript
{
    public static int Run(string[] args)
    {
        var options = new CommandOptions(args);
        var box = QueryBox.Parse(options.Get("box"));
        var k = options.GetInt("k", 10);
        Console.Write(Build(box, k));
        return 0;
    }

    public static string Build(QueryBox box, int k)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["lat"] = "(:lat_micro::float8 / 1000000)",
            ["lon"] = "(:lon_micro::float8 / 1000000)",
            ["kinds"] = "'{}'::text[]",
            ["amenities"] = "'{}'::text[]",
            ["max_distance_m"] = "NULL",
            ["truck"] = "false",
            ["vehicle_length_m"] = "NULL",
            ["hazmat"] = "false",
            ["candidates"] = StationQueries.CandidatesFor(k).ToString(CultureInfo.InvariantCulture),
        };
        var sql = Parameter().Replace(StationQueries.NearestCandidatesSql, match =>
            values.TryGetValue(match.Groups[1].Value, out var value)
                ? value
                : throw new InvalidOperationException($"NearestCandidatesSql has a parameter the benchmark does not know: {match.Value}"));
        return string.Create(CultureInfo.InvariantCulture, $"""
            \set lat_micro random({Micro(box.MinLat)}, {Micro(box.MaxLat)})
            \set lon_micro random({Micro(box.MinLon)}, {Micro(box.MaxLon)})
            {sql};

            """);
    }

    private static long Micro(double degrees) => (long)Math.Round(degrees * 1_000_000);

    [GeneratedRegex(@"@([A-Za-z_]\w*)")]
    private static partial Regex Parameter();
}
