using System.Diagnostics;
using System.Globalization;
using StationMap.Import.Demo;

namespace StationMap.Benchmarks.Nearest;

/// <summary>
/// The in-memory limit for nearest: the same generated stations as the benchmark database, in a
/// <see cref="UnitVectorKdTree"/>, asked k=10 at random points on one thread. Checks the tree against brute force
/// first and prints <c>key=value</c> lines for scripts/bench.sh.
/// </summary>
internal static class InMemoryNearestRun
{
    private const int K = 10;
    private const int CheckedQueries = 300;

    public static int Run(string[] args)
    {
        var options = new CommandOptions(args);
        var count = options.GetInt("count", 200_000);
        var seed = options.GetInt("seed", 7);
        var seconds = options.GetDouble("seconds", 5);
        var box = QueryBox.Parse(options.Get("box"));

        var points = StationGenerator.Generate(count, seed, GeneratorRegion.Jingjinji).Select(s => (s.Lat, s.Lon)).ToArray();
        var watch = Stopwatch.StartNew();
        var tree = new UnitVectorKdTree(points);
        var buildMs = watch.Elapsed.TotalMilliseconds;

        var mismatches = CountMismatches(tree, points, box, new Random(seed + 1));

        var queries = new (double Lat, double Lon)[1 << 16];
        var random = new Random(seed + 2);
        for (var i = 0; i < queries.Length; i++)
        {
            queries[i] = box.RandomPoint(random);
        }
        Span<int> ids = stackalloc int[K];
        for (var i = 0; i < queries.Length; i++)
        {
            tree.Nearest(queries[i].Lat, queries[i].Lon, ids);
        }
        long done = 0;
        long checksum = 0;
        watch.Restart();
        var budget = TimeSpan.FromSeconds(seconds);
        while (watch.Elapsed < budget)
        {
            for (var i = 0; i < 4096; i++, done++)
            {
                var q = queries[done & (queries.Length - 1)];
                tree.Nearest(q.Lat, q.Lon, ids);
                checksum += ids[0];
            }
        }
        var elapsed = watch.Elapsed.TotalSeconds;

        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"points={tree.Count}"));
        Console.WriteLine(string.Create(inv, $"build_ms={buildMs:F0}"));
        Console.WriteLine(string.Create(inv, $"checked={CheckedQueries}"));
        Console.WriteLine(string.Create(inv, $"mismatches={mismatches}"));
        Console.WriteLine(string.Create(inv, $"queries={done}"));
        Console.WriteLine(string.Create(inv, $"qps={done / elapsed:F0}"));
        Console.WriteLine(string.Create(inv, $"mean_us={elapsed * 1e6 / done:F2}"));
        Console.WriteLine(string.Create(inv, $"checksum={checksum}"));
        return mismatches == 0 ? 0 : 1;
    }

    // Queries whose k ids (in order) differ from a linear scan by the same (squared chord, id) ranking.
    private static int CountMismatches(UnitVectorKdTree tree, (double Lat, double Lon)[] points, QueryBox box, Random random)
    {
        var vectors = Array.ConvertAll(points, p => UnitVector.From(p.Lat, p.Lon));
        var mismatches = 0;
        var fromTree = new int[K];
        for (var q = 0; q < CheckedQueries; q++)
        {
            var (lat, lon) = box.RandomPoint(random);
            var n = tree.Nearest(lat, lon, fromTree);
            var expected = BruteForce(vectors, UnitVector.From(lat, lon));
            if (!fromTree.AsSpan(0, n).SequenceEqual(expected))
            {
                mismatches++;
            }
        }
        return mismatches;
    }

    private static int[] BruteForce((double X, double Y, double Z)[] vectors, (double X, double Y, double Z) origin)
    {
        var best = new List<(double Distance, int Id)>(K + 1);
        for (var id = 0; id < vectors.Length; id++)
        {
            var candidate = (UnitVector.ChordSquared(vectors[id], origin), id);
            if (best.Count == K && candidate.CompareTo(best[^1]) >= 0)
            {
                continue;
            }
            var at = best.BinarySearch(candidate);
            best.Insert(at < 0 ? ~at : at, candidate);
            if (best.Count > K)
            {
                best.RemoveAt(K);
            }
        }
        return best.Select(b => b.Id).ToArray();
    }
}
