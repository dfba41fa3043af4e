using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using StationMap.Api.Stations.Nearest;
using StationMap.Domain;
using StationMap.Domain.Geo;
using StationMap.Domain.Nearest;
using StationMap.Domain.Queries;

namespace StationMap.Benchmarks.Nearest;

/// <summary>
/// The in-process limit of the memory path: the same generated stations as the benchmark database in the API's own
/// <see cref="StationIndex"/> (exact spheroid distances), asked k=10 at random points on one thread. Checks answers
/// against a brute-force geodesic ranking first, measures the index's managed size and the garbage per query, and
/// prints <c>key=value</c> lines for scripts/bench.sh.
/// </summary>
internal static class InMemoryNearestRun
{
    private const int K = 10;

    public static int Run(string[] args)
    {
        var options = new CommandOptions(args);
        var count = options.GetInt("count", 200_000);
        var seed = options.GetInt("seed", 7);
        var seconds = options.GetDouble("seconds", 5);
        var box = QueryBox.Parse(options.Get("box"));

        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        var index = GeneratedIndex.Build(count, seed);
        var buildMs = watch.Elapsed.TotalMilliseconds;
        var indexBytes = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;

        // A brute-force query measures every station exactly; keep the check to about 3e7 geodesics.
        var checkedQueries = Math.Clamp(30_000_000 / Math.Max(1, count), 10, 300);
        var mismatches = CountMismatches(index, box, checkedQueries, new Random(seed + 1));

        var queries = new (double Lat, double Lon)[1 << 16];
        var random = new Random(seed + 2);
        for (var i = 0; i < queries.Length; i++)
        {
            queries[i] = box.RandomPoint(random);
        }
        var filter = new NearestFilter(new NearestQuery { Lat = 0, Lon = 0 }, DateTimeOffset.UnixEpoch);
        Span<NearestHit> hits = stackalloc NearestHit[K];
        for (var i = 0; i < queries.Length; i++)
        {
            index.Nearest(queries[i].Lat, queries[i].Lon, filter, hits);
        }
        long done = 0;
        long checksum = 0;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        watch.Restart();
        var budget = TimeSpan.FromSeconds(seconds);
        while (watch.Elapsed < budget)
        {
            for (var i = 0; i < 4096; i++, done++)
            {
                var q = queries[done & (queries.Length - 1)];
                index.Nearest(q.Lat, q.Lon, filter, hits);
                checksum += hits[0].Position;
            }
        }
        var elapsed = watch.Elapsed.TotalSeconds;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var (answerUs, answerBytes) = MeasureAnswers(index, queries, seconds / 2);

        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"points={index.Count}"));
        Console.WriteLine(string.Create(inv, $"build_ms={buildMs:F0}"));
        Console.WriteLine(string.Create(inv, $"index_bytes_per_station={(double)indexBytes / Math.Max(1, index.Count):F0}"));
        Console.WriteLine(string.Create(inv, $"checked={checkedQueries}"));
        Console.WriteLine(string.Create(inv, $"mismatches={mismatches}"));
        Console.WriteLine(string.Create(inv, $"queries={done}"));
        Console.WriteLine(string.Create(inv, $"qps={done / elapsed:F0}"));
        Console.WriteLine(string.Create(inv, $"mean_us={elapsed * 1e6 / done:F2}"));
        Console.WriteLine(string.Create(inv, $"bytes_per_query={(double)allocated / done:F1}"));
        Console.WriteLine(string.Create(inv, $"answer_us={answerUs:F2}"));
        Console.WriteLine(string.Create(inv, $"answer_bytes={answerBytes:F0}"));
        Console.WriteLine(string.Create(inv, $"checksum={checksum}"));
        return mismatches == 0 ? 0 : 1;
    }

    // What the endpoint does per request besides HTTP: the memory path's full answer, serialised with the API's JSON options.
    private static (double MeanUs, double MeanBytes) MeasureAnswers(StationIndex index, (double Lat, double Lon)[] queries, double seconds)
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };
        var now = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));
        long done = 0, bytes = 0;
        // No check-in status: the board is empty, as on a fresh install.
        var board = new StationMap.Api.Checkins.StationStatusBoard();
        // Warm up the serializer's metadata and the JIT's tiers before timing.
        for (var i = 0; i < 20_000; i++)
        {
            var q = queries[i & (queries.Length - 1)];
            JsonSerializer.SerializeToUtf8Bytes(IndexNearestSearch.Find(index, new NearestQuery { Lat = q.Lat, Lon = q.Lon }, now, board), json);
        }
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            var q = queries[done++ & (queries.Length - 1)];
            var response = IndexNearestSearch.Find(index, new NearestQuery { Lat = q.Lat, Lon = q.Lon }, now, board);
            bytes += JsonSerializer.SerializeToUtf8Bytes(response, json).Length;
        }
        return (watch.Elapsed.TotalMilliseconds * 1000 / done, (double)bytes / done);
    }

    // Queries whose k ids (in order) differ from a linear scan ranked by (geodesic distance, id).
    private static int CountMismatches(StationIndex index, QueryBox box, int queries, Random random)
    {
        var stations = Enumerable.Range(0, index.Count).Select(p => index[p]).Select(s => (s.Id, s.Lat, s.Lon)).ToArray();
        var filter = new NearestFilter(new NearestQuery { Lat = 0, Lon = 0 }, DateTimeOffset.UnixEpoch);
        var hits = new NearestHit[K];
        var mismatches = 0;
        for (var q = 0; q < queries; q++)
        {
            var (lat, lon) = box.RandomPoint(random);
            var n = index.Nearest(lat, lon, filter, hits);
            var expected = stations
                .Select(s => (Distance: Geodesy.DistanceMeters(lat, lon, s.Lat, s.Lon), s.Id))
                .OrderBy(s => s.Distance).ThenBy(s => s.Id).Take(K).Select(s => s.Id);
            if (!hits.Take(n).Select(h => index[h.Position].Id).SequenceEqual(expected))
            {
                mismatches++;
            }
        }
        return mismatches;
    }
}
