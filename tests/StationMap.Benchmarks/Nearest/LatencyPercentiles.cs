using System.Globalization;

namespace StationMap.Benchmarks.Nearest;

/// <summary>
/// Latency percentiles from pgbench per-transaction logs (<c>-l</c>): the third field of each line is the latency in
/// microseconds; skipped or failed transactions are counted apart. Prints <c>key=value</c> lines in milliseconds.
/// </summary>
internal static class LatencyPercentiles
{
    public static int Run(string[] files)
    {
        var latencies = new List<long>();
        var failed = 0;
        foreach (var file in files)
        {
            foreach (var line in File.ReadLines(file))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length >= 3 && long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var us))
                {
                    latencies.Add(us);
                }
                else if (fields.Length >= 3)
                {
                    failed++;
                }
            }
        }
        latencies.Sort();
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"transactions={latencies.Count}"));
        Console.WriteLine(string.Create(inv, $"failed={failed}"));
        foreach (var p in (int[])[50, 90, 99])
        {
            Console.WriteLine(string.Create(inv, $"p{p}_ms={Percentile(latencies, p) / 1000.0:F2}"));
        }
        return latencies.Count > 0 ? 0 : 1;
    }

    // Nearest rank: the smallest value with at least p% of the values at or below it.
    private static long Percentile(List<long> sorted, int p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Max(0, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
}
