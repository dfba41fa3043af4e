using System.Diagnostics;
using System.Globalization;
using StationMap.Domain.Planning;
using StationMap.Planning.Exact;

namespace StationMap.Benchmarks.Planning;

/// <summary>
/// Site selection in process on generated city-like data (clustered demand and candidates, existing stations):
/// greedy + swaps at city scale with coverage-set building timed apart from solving, then exact (CP-SAT) against
/// greedy on a small instance. Prints plain tables.
/// </summary>
internal static class PlanningBenchmark
{
    public static int Run(string[] args)
    {
        var seed = Option(args, "--seed", 20250101);
        var exactLimit = Option(args, "--exact-seconds", 60);
        var workers = Option(args, "--exact-workers", 1);
        // The side of the square city, metres: 40 km is Beijing inside the 5th ring road; smaller is denser.
        var spanM = Option(args, "--span-m", 40_000);

        // Warm the JIT on a small instance so the first timing is not compilation.
        Measure(City(seed + 1, 5_000, 500, 100, 10_000), p: 10, radiusM: 500);

        Console.WriteLine($"planning: greedy + swap at city scale ({Environment.ProcessorCount} cores, load average {LoadAverage()})");
        var row = "{0,-26} {1,10} {2,10} {3,8} {4,11} {5,10} {6,10} {7,14} {8,14} {9,8} {10,6}";
        Console.WriteLine(row, "instance", "sets ms", "greedy ms", "swap ms", "greedy+swap", "total ms", "pairs", "objective", "bound", "gap", "swaps");
        foreach (var (demand, candidates) in new[] { (100_000, 10_000) })
        {
            var instance = City(seed, demand, candidates, stations: 2_000, spanM: spanM);
            var m = Measure(instance, p: 100, radiusM: 500);
            Console.WriteLine(row, $"{demand:N0} x {candidates:N0}, {spanM / 1000} km", Ms(m.Sets), Ms(m.Greedy), Ms(m.Swap), Ms(m.Greedy + m.Swap),
                Ms(m.Sets + m.Greedy + m.Swap), m.Pairs.ToString("N0", CultureInfo.InvariantCulture), F(m.Objective), F(m.Bound), Pct(m.Gap), m.Swaps);
        }
        Console.WriteLine("(target: greedy + swap incl. coverage sets under 5 s for 100,000 x 10,000, p = 100, radius 500 m)");
        Console.WriteLine();

        Console.WriteLine($"planning: exact (CP-SAT, {workers} worker(s), limit {exactLimit} s) vs greedy + swap, radius 500 m");
        var exactRow = "{0,-24} {1,-8} {2,-14} {3,10} {4,14} {5,14} {6,8}";
        Console.WriteLine(exactRow, "instance", "solver", "status", "time ms", "objective", "bound", "gap");
        foreach (var p in new[] { 10, 25 })
        {
            var small = City(seed + 2, 2_000, 500, stations: 40, spanM: 8_000);
            var problem = CoverageProblem.Build(small.Demand, small.Stations, small.Candidates, 500);
            foreach (var solver in new[] { PlanningSolver.Greedy, PlanningSolver.Exact })
            {
                var result = MaximalCovering.Solve(problem, new SiteSelectionOptions
                {
                    P = p, Solver = solver, TimeLimit = TimeSpan.FromSeconds(exactLimit), ExactWorkers = workers,
                }, CpSatCoverSolver.Instance);
                Console.WriteLine(exactRow, $"2,000 x 500, p={p}", solver.ToWire(), result.Status, Ms(result.Elapsed),
                    F(result.Objective), F(result.Bound), Pct(result.Gap));
            }
        }
        return 0;
    }

    private sealed record Instance(List<DemandPoint> Demand, List<SitePoint> Stations, List<SitePoint> Candidates);

    private sealed record Measurement(TimeSpan Sets, TimeSpan Greedy, TimeSpan Swap, int Pairs, double Objective, double Bound, double Gap, int Swaps);

    private static Measurement Measure(Instance instance, int p, double radiusM)
    {
        var clock = Stopwatch.StartNew();
        var problem = CoverageProblem.Build(instance.Demand, instance.Stations, instance.Candidates, radiusM);
        var sets = clock.Elapsed;
        clock.Restart();
        var chosen = LazyGreedy.Select(problem, p);
        var greedy = clock.Elapsed;
        clock.Restart();
        var swaps = SwapSearch.Improve(problem, chosen);
        var swap = clock.Elapsed;
        var objective = problem.CoveredWeight(chosen);
        var bound = Math.Max(objective, MaximalCovering.GreedyBound(problem, chosen, p));
        return new Measurement(sets, greedy, swap, problem.PairCount, objective, bound, bound > 0 ? (bound - objective) / bound : 0, swaps);
    }

    // Demand and candidates gather around the same neighbourhood centres (as depots and shops do); stations are spread.
    private static Instance City(int seed, int demand, int candidates, int stations, double spanM)
    {
        var random = new Random(seed);
        var centres = Enumerable.Range(0, 200).Select(_ => (random.NextDouble() * spanM, random.NextDouble() * spanM)).ToArray();
        (double Lat, double Lon) Around(double sigmaM)
        {
            var (x, y) = centres[random.Next(centres.Length)];
            return At(x + Normal(random) * sigmaM, y + Normal(random) * sigmaM);
        }
        var d = Enumerable.Range(0, demand).Select(i =>
        {
            var (lat, lon) = Around(spanM / 25);
            return new DemandPoint(i, lat, lon, 1 + random.Next(60));
        }).ToList();
        var c = Enumerable.Range(0, candidates).Select(i =>
        {
            var (lat, lon) = Around(spanM / 20);
            return new SitePoint(i, lat, lon);
        }).ToList();
        var s = Enumerable.Range(0, stations).Select(i =>
        {
            var (lat, lon) = At(random.NextDouble() * spanM, random.NextDouble() * spanM);
            return new SitePoint(i, lat, lon);
        }).ToList();
        return new Instance(d, s, c);
    }

    private static (double Lat, double Lon) At(double eastM, double northM) =>
        (39.75 + northM / 111_000, 116.20 + eastM / 85_400);

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("N1", CultureInfo.InvariantCulture);

    private static string Pct(double gap) => (gap * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
