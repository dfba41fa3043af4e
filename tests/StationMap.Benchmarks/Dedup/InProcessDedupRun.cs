using System.Diagnostics;
using System.Globalization;
using StationMap.Benchmarks.Nearest;
using StationMap.DemoData;
using StationMap.DemoData.Places;
using StationMap.Domain.Places;

namespace StationMap.Benchmarks.Dedup;

/// <summary>
/// <c>in-process-dedup</c>: one full matching pass of the place matcher over generated records of three lists, in
/// process (no database): time, memory, and precision and recall of the automatic links against the generated truth.
/// Prints key=value lines for scripts/bench.sh.
/// </summary>
internal static class InProcessDedupRun
{
    public static int Run(string[] args)
    {
        var options = new CommandOptions(args);
        var stations = options.GetInt("stations", 830_000);
        var seed = options.GetInt("seed", 21);

        var generate = Stopwatch.StartNew();
        var records = new List<PlaceRecord>();
        var truth = new List<string>();
        foreach (var r in OverlappingSources.Generate(stations, OverlapProfile.Benchmark, seed, GeneratorRegion.Jingjinji))
        {
            records.Add(new PlaceRecord
            {
                Id = records.Count + 1, Source = r.Source, ExternalId = r.Record.ExternalId, Kind = r.Record.Kind, Name = r.Record.Name,
                Address = r.Record.Address, Host = r.Record.Host, Phone = r.Record.Phone, Lat = r.Record.Lat, Lon = r.Record.Lon,
            });
            truth.Add(r.Station);
        }
        generate.Stop();
        var shared = truth.GroupBy(t => t).Where(g => g.Count() > 1).Sum(g => g.Count());

        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var matcher = new PlaceMatcher(new MatchSettings { MaybeGcj02Sources = new HashSet<string> { OverlappingSources.MaybeGcj02 } });
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var pass = Stopwatch.StartNew();
        var match = matcher.Match(records, []);
        pass.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var peakWorkingSet = Process.GetCurrentProcess().PeakWorkingSet64;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        // Pairs of one station linked, and linked pairs of two stations, against the truth.
        var stationOf = new Dictionary<long, string>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            stationOf[records[i].Id] = truth[i];
        }
        var (linked, linkedRight) = Pairs(match.Groups, stationOf);
        var baseline = Stopwatch.StartNew();
        var (baseLinked, baseRight) = Pairs(DistanceOnlyBaseline.Pairs(records, 50), stationOf);
        baseline.Stop();
        var samePairs = truth.GroupBy(t => t).Sum(g => (long)g.Count() * (g.Count() - 1) / 2);
        var reviewRight = match.Review.Count(r => stationOf[r.StationA] == stationOf[r.StationB]);

        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"records={records.Count}"));
        Console.WriteLine(string.Create(c, $"stations={truth.Distinct().Count()}"));
        Console.WriteLine(string.Create(c, $"overlap_percent={100.0 * shared / records.Count:0.0}"));
        Console.WriteLine(string.Create(c, $"generate_s={generate.Elapsed.TotalSeconds:0.0}"));
        Console.WriteLine(string.Create(c, $"match_s={pass.Elapsed.TotalSeconds:0.00}"));
        Console.WriteLine(string.Create(c, $"match_cpu_s={cpu.TotalSeconds:0.00}"));
        Console.WriteLine(string.Create(c, $"heap_before_mb={heapBefore / 1e6:0}"));
        Console.WriteLine(string.Create(c, $"allocated_mb={allocated / 1e6:0}"));
        Console.WriteLine(string.Create(c, $"peak_working_set_mb={peakWorkingSet / 1e6:0}"));
        Console.WriteLine(string.Create(c, $"candidates={match.Counts.Candidates}"));
        Console.WriteLine(string.Create(c, $"match_band={match.Counts.MatchBand}"));
        Console.WriteLine(string.Create(c, $"review_band={match.Counts.ReviewBand}"));
        Console.WriteLine(string.Create(c, $"places={match.Counts.Places}"));
        Console.WriteLine(string.Create(c, $"same_pairs={samePairs}"));
        Console.WriteLine(string.Create(c, $"linked_pairs={linked}"));
        Console.WriteLine(string.Create(c, $"precision_percent={(linked == 0 ? 100 : 100.0 * linkedRight / linked):0.00}"));
        Console.WriteLine(string.Create(c, $"recall_percent={(samePairs == 0 ? 100 : 100.0 * linkedRight / samePairs):0.00}"));
        Console.WriteLine(string.Create(c, $"review_pairs={match.Review.Count}"));
        Console.WriteLine(string.Create(c, $"review_same={reviewRight}"));
        Console.WriteLine(string.Create(c, $"review_share_percent={(linked + match.Review.Count == 0 ? 0 : 100.0 * match.Review.Count / (linked + match.Review.Count)):0.00}"));
        Console.WriteLine(string.Create(c, $"baseline_s={baseline.Elapsed.TotalSeconds:0.00}"));
        Console.WriteLine(string.Create(c, $"baseline_linked_pairs={baseLinked}"));
        Console.WriteLine(string.Create(c, $"baseline_precision_percent={(baseLinked == 0 ? 100 : 100.0 * baseRight / baseLinked):0.00}"));
        Console.WriteLine(string.Create(c, $"baseline_recall_percent={(samePairs == 0 ? 100 : 100.0 * baseRight / samePairs):0.00}"));
        return 0;
    }

    // Pairs of records put in one place, and how many of them are one station.
    private static (long Linked, long Right) Pairs(IEnumerable<IReadOnlyList<long>> groups, Dictionary<long, string> stationOf)
    {
        long linked = 0, right = 0;
        foreach (var group in groups)
        {
            for (var i = 0; i < group.Count; i++)
            {
                for (var j = i + 1; j < group.Count; j++)
                {
                    linked++;
                    if (stationOf[group[i]] == stationOf[group[j]])
                    {
                        right++;
                    }
                }
            }
        }
        return (linked, right);
    }
}
