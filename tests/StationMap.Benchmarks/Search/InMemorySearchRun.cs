using System.Diagnostics;
using System.Globalization;
using StationMap.Benchmarks.Nearest;
using StationMap.Domain.Search;

namespace StationMap.Benchmarks.Search;

/// <summary>
/// C of <c>scripts/bench.sh search</c>: the search index in process, one thread, over the same generated stations and
/// query set as the HTTP run: build time and size, then every query in turn for a while, with the latency of each;
/// and the worst cases the endpoint's description states (the commonest characters, a query of 100 common characters,
/// queries no station holds whole). Prints key=value lines.
/// </summary>
internal static class InMemorySearchRun
{
    // The costliest legal requests found: the commonest characters, the longest query of common characters, and
    // queries no field holds whole (partial matches), each with and without a position, at the largest limit.
    private static readonly string[] Hostile =
    [
        "市", "区", "号", "路", "站", "中国", "北京市", "河北省", "户外劳动者服务站", "工商银行 人民路", "人民路 建设路 中山路",
        string.Concat(Enumerable.Repeat("北京市朝阳区建国路", 12)), "路号市区省", "号路", "大街 支行",
    ];

    public static int Run(string[] args)
    {
        var options = new CommandOptions(args);
        var count = options.GetInt("count", 1_000_000);
        var seconds = options.GetDouble("seconds", 10);
        var set = SearchQuerySet.Read(options.Get("queries"));

        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var rows = GeneratedIndex.Rows(count, options.GetInt("seed", 7));
        var watch = Stopwatch.StartNew();
        var index = rows.Build(version: 1);
        var buildMs = watch.Elapsed.TotalMilliseconds;
        var indexBytes = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        var queries = set.Select(q => new SearchQuery { Text = q.Text, Lat = q.Lat, Lon = q.Lon }).ToArray();
        // The search part of the build alone (internal: built with every index), for what it adds to each reload.
        var buildSearch = typeof(StationSearchIndex).GetMethod("Build", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        var heapWithIndex = GC.GetTotalMemory(forceFullCollection: true);
        watch.Restart();
        var second = buildSearch.Invoke(null, [index]);
        var searchBuildMs = watch.Elapsed.TotalMilliseconds;
        var searchBytes = GC.GetTotalMemory(forceFullCollection: true) - heapWithIndex;
        GC.KeepAlive(second);

        // The JIT's tiers settle over the first few thousand queries.
        for (var i = 0; i < Math.Min(queries.Length * 2, 20_000); i++)
        {
            index.Search.Find(queries[i % queries.Length]);
        }
        var times = new List<double>();
        var cpu = new List<double>();
        var slowest = new List<(double Ms, int Query)>();
        long hits = 0;
        watch.Restart();
        var cpuStart = ThreadCpu.NowMs();
        for (var i = 0; watch.Elapsed.TotalSeconds < seconds; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var startCpu = ThreadCpu.NowMs();
            hits += index.Search.Find(queries[i % queries.Length]).Count;
            var cpuMs = ThreadCpu.NowMs() - startCpu;
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            cpu.Add(cpuMs);
            slowest.Add((cpuMs, i % queries.Length));
        }
        var elapsed = watch.Elapsed.TotalSeconds;
        var cpuSeconds = (ThreadCpu.NowMs() - cpuStart) / 1000;
        times.Sort();
        cpu.Sort();

        var worst = Hostile.SelectMany(text => new[] { (text, false), (text, true) }).Select(q =>
        {
            var query = new SearchQuery { Text = q.text, Lat = q.Item2 ? 39.9087 : null, Lon = q.Item2 ? 116.3975 : null, Limit = SearchQuery.MaxLimit };
            index.Search.Find(query);
            var start = ThreadCpu.NowMs();
            for (var i = 0; i < 5; i++)
            {
                index.Search.Find(query);
            }
            return (Ms: (ThreadCpu.NowMs() - start) / 5, Query: $"{q.text}{(q.Item2 ? " @Tiananmen" : "")}");
        }).OrderByDescending(w => w.Ms).ToList();

        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"stations={index.Count}"));
        Console.WriteLine(string.Create(inv, $"build_ms={buildMs:F0}"));
        Console.WriteLine(string.Create(inv, $"search_build_ms={searchBuildMs:F0}"));
        Console.WriteLine(string.Create(inv, $"search_bytes_per_station={(double)searchBytes / Math.Max(1, index.Count):F0}"));
        Console.WriteLine(string.Create(inv, $"index_bytes_per_station={(double)indexBytes / Math.Max(1, index.Count):F0}"));
        Console.WriteLine(string.Create(inv, $"queries={times.Count}"));
        Console.WriteLine(string.Create(inv, $"qps={times.Count / elapsed:F0}"));
        Console.WriteLine(string.Create(inv, $"qps_per_cpu_second={times.Count / cpuSeconds:F0}"));
        Console.WriteLine(string.Create(inv, $"p50_ms={times[times.Count / 2]:F3}"));
        Console.WriteLine(string.Create(inv, $"p90_ms={times[times.Count * 9 / 10]:F3}"));
        Console.WriteLine(string.Create(inv, $"p99_ms={times[times.Count * 99 / 100]:F3}"));
        Console.WriteLine(string.Create(inv, $"max_ms={times[^1]:F3}"));
        Console.WriteLine(string.Create(inv, $"cpu_p50_ms={cpu[cpu.Count / 2]:F3}"));
        Console.WriteLine(string.Create(inv, $"cpu_p90_ms={cpu[cpu.Count * 9 / 10]:F3}"));
        Console.WriteLine(string.Create(inv, $"cpu_p99_ms={cpu[cpu.Count * 99 / 100]:F3}"));
        Console.WriteLine(string.Create(inv, $"cpu_max_ms={cpu[^1]:F3}"));
        Console.WriteLine(string.Create(inv, $"hits_per_query={(double)hits / times.Count:F1}"));
        Console.WriteLine(string.Create(inv, $"worst_ms={worst[0].Ms:F2}"));
        Console.WriteLine(string.Create(inv, $"worst_query={(worst[0].Query.Length > 24 ? worst[0].Query[..12] + "…(" + worst[0].Query.Length + " characters)" : worst[0].Query)}"));
        foreach (var (ms, query) in slowest.OrderByDescending(s => s.Ms).DistinctBy(s => s.Query).Take(5))
        {
            Console.Error.WriteLine(string.Create(inv, $"slow: {ms:F2} ms '{set[query].Text}' {(set[query].Lat is null ? "" : "(position)")}"));
        }
        foreach (var (ms, query) in worst.Take(8))
        {
            Console.Error.WriteLine(string.Create(inv, $"hostile: {ms:F2} ms '{query}'"));
        }
        return 0;
    }
}
