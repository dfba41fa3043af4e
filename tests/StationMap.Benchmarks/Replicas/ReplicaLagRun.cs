using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using StationMap.Benchmarks.Nearest;
using StationMap.Import;
using StationMap.Store;

namespace StationMap.Benchmarks.Replicas;

/// <summary>
/// Import-to-visible lag across a replicated cluster: imports one new station at a time on the primary (the import
/// pipeline, incremental), and from the moment the import's transaction has committed asks every API process for
/// nearest at the station's position until it answers it. Prints p50/p99/max per process as key=value lines.
/// </summary>
internal static class ReplicaLagRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandOptions(args);
        var write = options.Get("write");
        var apis = options.Get("apis").Split(',');
        var imports = options.GetInt("imports", 20);
        var box = QueryBox.Parse(options.Get("box"));
        var timeout = TimeSpan.FromSeconds(options.GetInt("timeout-seconds", 30));

        await using var dataSources = new StationDataSources(write);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var lags = apis.ToDictionary(api => api, _ => new List<double>());
        // Never the positions of an earlier run's stations (the database is kept between runs): nearest would answer those.
        var random = new Random(Environment.TickCount);
        var folder = Directory.CreateTempSubdirectory("replica-lag");
        try
        {
            for (var i = 0; i < imports; i++)
            {
                var id = $"lag-{DateTime.UtcNow:yyyyMMddHHmmssfff}-{i}";
                var lat = box.MinLat + random.NextDouble() * (box.MaxLat - box.MinLat);
                var lon = box.MinLon + random.NextDouble() * (box.MaxLon - box.MinLon);
                var file = Path.Combine(folder.FullName, $"{id}.csv");
                await File.WriteAllTextAsync(file, string.Create(CultureInfo.InvariantCulture,
                    $"external_id,name,kind,lat,lon\n{id},{id},warm_station,{lat:R},{lon:R}\n"));
                var result = await ImportPipeline.RunAsync(dataSources.Write, new ImportOptions
                {
                    FilePath = file, Source = "replica-lag", Format = InputFormat.Csv, Mode = ImportMode.Incremental,
                }, progress: null, TimeProvider.System, CancellationToken.None);
                if (!result.Committed)
                {
                    Console.Error.WriteLine($"import {i} did not commit: {result.Error}");
                    return 1;
                }
                // Committed when RunAsync returns: the clock starts here for every process at once.
                var committed = Stopwatch.StartNew();
                var seen = await Task.WhenAll(apis.Select(api => WaitForAsync(http, api, id, lat, lon, committed, timeout)));
                for (var a = 0; a < apis.Length; a++)
                {
                    lags[apis[a]].Add(seen[a]);
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
        for (var a = 0; a < apis.Length; a++)
        {
            var sorted = lags[apis[a]].Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"api{a + 1}_p50_ms={Percentile(sorted, 0.50):F0}\napi{a + 1}_p99_ms={Percentile(sorted, 0.99):F0}\napi{a + 1}_max_ms={sorted[^1]:F0}"));
        }
        Console.WriteLine($"imports={imports}");
        return 0;
    }

    private static async Task<double> WaitForAsync(HttpClient http, string api, string name, double lat, double lon, Stopwatch since, TimeSpan timeout)
    {
        var url = string.Create(CultureInfo.InvariantCulture, $"{api}/api/stations/nearest?lat={lat:R}&lon={lon:R}&k=3");
        while (since.Elapsed < timeout)
        {
            using var answer = JsonDocument.Parse(await http.GetStringAsync(url));
            if (answer.RootElement.GetProperty("items").EnumerateArray().Any(item => item.GetProperty("name").GetString() == name))
            {
                return since.Elapsed.TotalMilliseconds;
            }
            await Task.Delay(2);
        }
        return double.PositiveInfinity;
    }

    // Nearest-rank percentile of sorted values.
    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
