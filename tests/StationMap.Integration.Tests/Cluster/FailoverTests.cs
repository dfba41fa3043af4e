using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using StationMap.Integration.Tests.Api;
using StationMap.Integration.Tests.Checkins;
using StationMap.Integration.Tests.Import;
using StationMap.Integration.Tests.Jobs;
using StationMap.Store;
using StationMap.Store.Operators;

namespace StationMap.Integration.Tests.Cluster;

/// <summary>
/// The primary stops under load and the standby is promoted: nearest and the map's boxes never fail (they answer
/// from memory), database reads move to the survivor, writes answer 503 with Retry-After while there is no primary
/// and work again within 10 s of the promotion without restarting either process.
/// </summary>
[Collection(ReplicatedClusters.Name)]
public sealed class FailoverTests : IAsyncLifetime
{
    private const string Source = "failover-feed";
    private const string PlanningRun = """{"layer":"freight_drivers","radiusM":1000,"p":3,"solver":"greedy"}""";
    private ReplicatedCluster _cluster = null!;
    private FeedServer _feed = null!;
    private string _plannerKey = "";
    private NearestItemDto _station = null!;
    private long _checkpointId;

    public async Task InitializeAsync()
    {
        _feed = await FeedServer.StartAsync();
        _feed.ContentOf = n => ClusterProbes.OneStationFeed(Source, n);
        _cluster = await ReplicatedCluster.StartAsync(new Dictionary<string, string>
        {
            ["Refresh__Sources__0__Name"] = Source,
            ["Refresh__Sources__0__Location"] = _feed.Url,
            ["Refresh__Sources__0__Cron"] = "0 0 1 1 *",
        });
        _plannerKey = await new OperatorKeys(_cluster.DataSources).CreateAsync("failover-planner", "planner", CancellationToken.None);
        _station = (await _cluster.Api(1).GetFromJsonAsync<NearestResponseDto>(ClusterProbes.NearestPath(39.9, 116.4)))!.Items[0];
        var checkpoints = await _cluster.Api(1).GetFromJsonAsync<JsonElement>("/api/checkpoints");
        _checkpointId = checkpoints.GetProperty("features")[0].GetProperty("id").GetInt64();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _feed.DisposeAsync();
    }

    [Fact]
    public async Task Under_load_nearest_never_fails_reads_move_to_the_survivor_and_writes_are_503_until_the_promotion_then_work_again()
    {
        await using var load = ReadLoad.Start(_cluster);
        await Task.Delay(TimeSpan.FromSeconds(1));
        foreach (var api in ReplicatedCluster.ApiNumbers)
        {
            Assert.Equal(HttpStatusCode.OK, (await DatabaseReadAsync(api)).StatusCode);
        }

        await _cluster.StopPrimaryAsync();
        var stopped = Stopwatch.StartNew();
        // No primary: every write is a 503 problem with Retry-After, on both processes.
        foreach (var api in ReplicatedCluster.ApiNumbers)
        {
            foreach (var (what, write) in Writes(api))
            {
                await AssertUnavailableAsync(await write(), $"API {api} {what} with no primary");
            }
        }
        // Database reads move to the standby (still in recovery: it takes no write) within 10 s of the stop.
        await ClusterProbes.EventuallyAsync(async () =>
        {
            foreach (var api in ReplicatedCluster.ApiNumbers)
            {
                if ((await DatabaseReadAsync(api)).StatusCode != HttpStatusCode.OK)
                {
                    return false;
                }
            }
            return true;
        }, stopped, TimeSpan.FromSeconds(10), () => "database reads did not answer 200 on both processes");
        // Long enough for both processes' listeners to notice the primary is gone and retry.
        await Task.Delay(TimeSpan.FromSeconds(1));

        await _cluster.PromoteAsync();
        var promoted = Stopwatch.StartNew();
        foreach (var api in ReplicatedCluster.ApiNumbers)
        {
            foreach (var (what, write) in Writes(api))
            {
                HttpResponseMessage? last = null;
                await ClusterProbes.EventuallyAsync(async () => (last = await write()).IsSuccessStatusCode, promoted, TimeSpan.FromSeconds(10),
                    () => $"API {api} {what} did not work again after the promotion: {(int?)last?.StatusCode}\n{_cluster.LogTail(api)}");
            }
        }

        // An import after the promotion (a new importer process: a data source of its own) reaches both processes.
        const string name = "After the failover";
        const double lat = 41.8, lon = 118.4;
        await using (var importer = new StationDataSources(_cluster.WriteConnectionString))
        {
            await ImportHarness.ImportStationsAsync(importer.Write, ImportHarness.NewSource("failover"), ("F1", name, lat, lon));
        }
        var imported = Stopwatch.StartNew();
        foreach (var api in ReplicatedCluster.ApiNumbers)
        {
            await ClusterProbes.EventuallyAsync(() => ClusterProbes.AnswersAsync(_cluster.Api(api), name, lat, lon), imported,
                TimeSpan.FromSeconds(5), () => $"API {api} did not answer the station imported after the failover\n{_cluster.LogTail(api)}");
        }

        var results = await load.StopAsync();
        foreach (var api in ReplicatedCluster.ApiNumbers)
        {
            foreach (var kind in new[] { "nearest", "bbox" })
            {
                var answers = results.Where(r => r.Api == api && r.Kind == kind).ToList();
                var failed = answers.Where(r => !r.Ok).ToList();
                Assert.True(failed.Count == 0,
                    $"API {api}: {failed.Count} of {answers.Count} {kind} requests failed: {string.Join(", ", failed.Take(5).Select(f => f.Detail))}");
                // The load really ran through the outage: some requests while the primary was gone.
                Assert.True(answers.Count(r => r.At >= load.Since(stopped) && r.At <= load.Since(promoted)) > 0, $"API {api}: no {kind} request during the outage");
            }
        }
    }

    private IEnumerable<(string What, Func<Task<HttpResponseMessage>> Write)> Writes(int api)
    {
        var client = _cluster.Api(api);
        yield return ("check-in", () => CheckinClient.PostAsync(client, _station.Id, CheckinClient.NewDevice(), "visited", _station.Lat, _station.Lon));
        yield return ("planning run", () => SendAsync(client, HttpMethod.Post, "/api/planning/runs", _plannerKey, PlanningRun));
        yield return ("refresh", () => SendAsync(client, HttpMethod.Post, $"/api/admin/sources/{Source}/refresh", _cluster.OperatorKey, null));
    }

    private Task<HttpResponseMessage> DatabaseReadAsync(int api) => _cluster.Api(api).GetAsync($"/api/checkpoints/{_checkpointId}");

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string key, string? body)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        return client.SendAsync(request);
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{what}: {(int)response.StatusCode} {body}");
        Assert.True(response.Headers.RetryAfter?.Delta is { } delta && delta > TimeSpan.Zero, $"{what}: no Retry-After");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Exception", body);
    }

    /// <summary>
    /// A bounded reader: two loops per process, each asking nearest at a random point over Beijing and a random
    /// neighbourhood-sized box in turn, with a short pause between requests; every answer is recorded.
    /// </summary>
    private sealed class ReadLoad : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly ConcurrentBag<ReadResult> _results = [];
        private Task[] _loops = [];

        public static ReadLoad Start(ReplicatedCluster cluster)
        {
            var load = new ReadLoad();
            load._loops = [.. ReplicatedCluster.ApiNumbers.SelectMany(api => Enumerable.Range(0, 2).Select(seed => load.RunAsync(cluster.Api(api), api, seed)))];
            return load;
        }

        /// <summary>The load's clock at the moment <paramref name="stopwatch"/> was started.</summary>
        public TimeSpan Since(Stopwatch stopwatch) => _clock.Elapsed - stopwatch.Elapsed;

        private async Task RunAsync(HttpClient client, int api, int seed)
        {
            var random = new Random(api * 10 + seed);
            while (!_stop.IsCancellationRequested)
            {
                var lat = 39.75 + random.NextDouble() * 0.3;
                var lon = 116.2 + random.NextDouble() * 0.4;
                await RecordAsync(client, api, "nearest", ClusterProbes.NearestPath(lat, lon, 5), body => body.Contains("\"items\":[{", StringComparison.Ordinal));
                var bbox = string.Create(CultureInfo.InvariantCulture, $"/api/stations?bbox={lon:R},{lat:R},{lon + 0.05:R},{lat + 0.05:R}");
                await RecordAsync(client, api, "bbox", bbox, body => body.Contains("\"FeatureCollection\"", StringComparison.Ordinal));
                await Task.Delay(10);
            }
        }

        private async Task RecordAsync(HttpClient client, int api, string kind, string path, Func<string, bool> wellFormed)
        {
            var at = _clock.Elapsed;
            try
            {
                using var response = await client.GetAsync(path);
                var body = await response.Content.ReadAsStringAsync();
                var ok = response.StatusCode == HttpStatusCode.OK && wellFormed(body);
                _results.Add(new ReadResult(api, kind, at, ok, ok ? "" : $"{(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}"));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                _results.Add(new ReadResult(api, kind, at, false, e.GetType().Name + ": " + e.Message));
            }
        }

        public async Task<IReadOnlyList<ReadResult>> StopAsync()
        {
            await _stop.CancelAsync();
            await Task.WhenAll(_loops);
            return [.. _results];
        }

        public async ValueTask DisposeAsync()
        {
            if (!_stop.IsCancellationRequested)
            {
                await StopAsync();
            }
            _stop.Dispose();
        }
    }

    private sealed record ReadResult(int Api, string Kind, TimeSpan At, bool Ok, string Detail);
}
