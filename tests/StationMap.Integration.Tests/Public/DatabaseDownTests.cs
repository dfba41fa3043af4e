using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StationMap.Api.Security;
using StationMap.Api.Stations.Nearest;
using StationMap.Integration.Tests.Api;
using StationMap.Integration.Tests.Import;
using StationMap.Integration.Tests.Infrastructure;
using StationMap.Store.Operators;

namespace StationMap.Integration.Tests.Public;

/// <summary>
/// The database stops under a running API (a cluster of the test's own): nearest answers from memory and says it
/// may be stale, every database-backed endpoint answers 503 with Retry-After, readiness says Degraded; when the
/// database is back everything answers again without restarting the API, and changes reach nearest again.
/// </summary>
public sealed class DatabaseDownTests(PrivateCluster cluster) : IClassFixture<PrivateCluster>, IAsyncLifetime
{
    private const string NearestPath = "/api/stations/nearest?lat=39.9&lon=116.4&k=3";

    // A spot in Hebei, far from every demo station, where an imported station is the nearest.
    private const double FarLat = 41.7;
    private const double FarLon = 118.2;

    private StationMapFactory _factory = null!;
    private HttpClient _client = null!;
    private string _operatorKey = "";
    private string _plannerKey = "";
    // Sources and import runs are for operators: read with a key of their own, looked up before the stop, so the
    // refresh below still meets an operator key the cache has not seen.
    private string _readerKey = "";
    private readonly List<(HttpMethod Method, string Path, string? Body)> _reads = [];
    private NearestItemDto _checkinStation = null!;

    private static readonly string[] FromMemory =
    [
        "/api/stations?bbox=116.3,39.85,116.5,39.95",
        "/api/stations/clusters?bbox=115.4,39.4,117.5,41.1&zoom=9",
    ];

    public async Task InitializeAsync()
    {
        _factory = new StationMapFactory(cluster.ConnectionString, new Dictionary<string, string?>
        {
            ["Nearest:MaxReconnectDelaySeconds"] = "1",
            ["Refresh:Sources:0:Name"] = "down-feed",
            ["Refresh:Sources:0:Location"] = "/nonexistent/down-feed.csv",
        });
        _client = _factory.CreateClient();
        var keys = _factory.Services.GetRequiredService<OperatorKeys>();
        _operatorKey = await keys.CreateAsync("down-operator", "operator", CancellationToken.None);
        _plannerKey = await keys.CreateAsync("down-planner", "planner", CancellationToken.None);
        _readerKey = await keys.CreateAsync("down-reader", "operator", CancellationToken.None);
        await NearestIndexProbe.WaitUntilCurrentAsync(_client, cluster.DataSources.Write, TimeSpan.FromSeconds(30));

        var nearest = (await _client.GetFromJsonAsync<NearestResponseDto>(NearestPath))!;
        _checkinStation = nearest.Items[0];
        var checkpoints = await _client.GetFromJsonAsync<JsonElement>("/api/checkpoints");
        var checkpointId = checkpoints.GetProperty("features")[0].GetProperty("id").GetInt64();
        _reads.AddRange(
        [
            (HttpMethod.Get, $"/api/stations/{nearest.Items[0].Id}", null),
            (HttpMethod.Get, "/api/checkpoints", null),
            (HttpMethod.Get, $"/api/checkpoints/{checkpointId}", null),
            (HttpMethod.Get, $"/api/checkpoints/{checkpointId}/stops", null),
            (HttpMethod.Post, "/api/routes/stops", """{"route":{"type":"LineString","coordinates":[[116.30,39.90],[116.45,39.92]]},"corridorM":1000}"""),
            (HttpMethod.Get, "/api/sources", null),
            (HttpMethod.Get, "/api/imports", null),
            (HttpMethod.Get, "/api/exports/stations.csv?source=demo", null),
            (HttpMethod.Get, "/api/exports/stations.xlsx?source=demo", null),
            (HttpMethod.Get, "/api/planning/layers", null),
            (HttpMethod.Get, "/api/planning/coverage?layer=freight_drivers&radiusM=500", null),
        ]);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Stopped_nearest_answers_stale_reads_and_writes_are_503_ready_is_degraded_and_all_recover_without_a_restart()
    {
        foreach (var read in _reads)
        {
            var before = await SendAsync(read);
            Assert.True(before.IsSuccessStatusCode, $"{read.Path} before the stop: {(int)before.StatusCode} {await before.Content.ReadAsStringAsync()}");
        }
        Assert.Equal("Healthy", await ReadinessAsync(HttpStatusCode.OK));
        var fresh = await _client.GetAsync(NearestPath);
        Assert.False(fresh.Headers.Contains("X-Data-Stale"));
        var version = Header(fresh, "X-Data-Version");
        // The planner key is looked up (and remembered) now; the operator key only while the database is down.
        await SendAsync((HttpMethod.Get, "/api/planning/layers", null), _plannerKey);

        await cluster.StopAsync();
        try
        {
            var stale = await WaitForAsync(async () =>
            {
                var response = await _client.GetAsync(NearestPath);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return response.Headers.Contains("X-Data-Stale") ? response : null;
            }, TimeSpan.FromSeconds(10), "nearest never said it was stale");
            Assert.Equal("true", Header(stale, "X-Data-Stale"));
            Assert.Equal(version, Header(stale, "X-Data-Version"));
            Assert.True(long.Parse(Header(stale, "X-Data-Age"), CultureInfo.InvariantCulture) >= 0);
            Assert.Equal(3, (await stale.Content.ReadFromJsonAsync<NearestResponseDto>())!.Items.Count);

            foreach (var read in _reads)
            {
                await AssertUnavailableAsync(await SendAsync(read), read.Path);
            }
            // The map's view of stations comes from the same index as nearest.
            foreach (var fromMemory in FromMemory)
            {
                Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(fromMemory)).StatusCode);
            }
            await AssertUnavailableAsync(
                await SendAsync((HttpMethod.Post, "/api/admin/sources/down-feed/refresh", null), _operatorKey), "refresh, key not checked yet");
            var s = _checkinStation;
            await AssertUnavailableAsync(
                await Checkins.CheckinClient.PostAsync(_client, s.Id, Checkins.CheckinClient.NewDevice(), "visited", s.Lat, s.Lon), "check-in");
            await AssertUnavailableAsync(
                await SendAsync((HttpMethod.Post, "/api/planning/runs", """{"layer":"freight_drivers","radiusM":500,"p":2,"solver":"greedy"}"""), _plannerKey),
                "planning run, key remembered");
            Assert.Equal("Degraded", await ReadinessAsync(HttpStatusCode.OK));
            Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/healthz/live")).StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await _client.GetAsync("/healthz")).StatusCode);
        }
        finally
        {
            await cluster.StartAsync();
        }

        // Back within 5 s of the database, without restarting the API.
        await WaitForAsync(async () =>
        {
            foreach (var read in _reads)
            {
                if (!(await SendAsync(read)).IsSuccessStatusCode)
                {
                    return null;
                }
            }
            return await ReadinessAsync(null) == "Healthy" ? "" : null;
        }, TimeSpan.FromSeconds(5), "not every read answered 200 within 5 s of the restart");

        var source = ImportHarness.NewSource("down");
        await ImportHarness.ImportStationsAsync(cluster.DataSources.Write, source, ("D1", "After the restart", FarLat, FarLon));
        await WaitForAsync(async () =>
        {
            var answer = (await _client.GetFromJsonAsync<NearestResponseDto>(
                string.Create(CultureInfo.InvariantCulture, $"/api/stations/nearest?lat={FarLat:R}&lon={FarLon:R}&k=1")))!;
            return answer.Items[0].Name == "After the restart" ? "" : null;
        }, TimeSpan.FromSeconds(15), "the import made after the restart never showed in nearest");
        var current = await _client.GetAsync(NearestPath);
        Assert.False(current.Headers.Contains("X-Data-Stale"));
    }

    [Fact]
    public async Task A_bogus_key_is_looked_up_once_and_never_turns_nearest_into_an_error_even_with_the_database_stopped()
    {
        var cache = _factory.Services.GetRequiredService<OperatorKeyCache>();
        var bogus = BogusKey();
        var before = cache.DatabaseLookups;
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SendAsync((HttpMethod.Get, NearestPath, null), bogus)).StatusCode);
        }
        Assert.Equal(before + 1, cache.DatabaseLookups);
        var refused = await SendAsync((HttpMethod.Post, "/api/admin/sources/down-feed/refresh", null), bogus);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        await cluster.StopAsync();
        try
        {
            for (var i = 0; i < 20; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await SendAsync((HttpMethod.Get, NearestPath, null), bogus)).StatusCode);
            }
            Assert.Equal(before + 1, cache.DatabaseLookups);
            // A key never seen before cannot be checked now: the request goes on anonymous.
            Assert.Equal(HttpStatusCode.OK, (await SendAsync((HttpMethod.Get, NearestPath, null), BogusKey())).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await SendAsync((HttpMethod.Get, NearestPath, null), "not-even-a-key")).StatusCode);
        }
        finally
        {
            await cluster.StartAsync();
        }
    }

    private static string BogusKey() =>
        "smk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static async Task AssertUnavailableAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{what}: {(int)response.StatusCode} {body}");
        Assert.True(response.Headers.RetryAfter?.Delta is { } delta && delta > TimeSpan.Zero, $"{what}: no Retry-After");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("Npgsql", body);
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain("   at ", body);
    }

    private async Task<string> ReadinessAsync(HttpStatusCode? expected)
    {
        var response = await _client.GetAsync("/healthz/ready");
        if (expected is { } status)
        {
            Assert.Equal(status, response.StatusCode);
        }
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString()!;
    }

    private Task<HttpResponseMessage> SendAsync((HttpMethod Method, string Path, string? Body) request, string? key = null)
    {
        key ??= request.Path is "/api/sources" or "/api/imports" || request.Path.StartsWith("/api/exports/", StringComparison.Ordinal)
            ? _readerKey : null;
        var message = new HttpRequestMessage(request.Method, request.Path);
        if (request.Body is { } body)
        {
            message.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        if (key is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return _client.SendAsync(message);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : throw new Xunit.Sdk.XunitException($"no {name} header");

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> attempt, TimeSpan timeout, string failure)
        where T : class
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (await attempt() is { } done)
            {
                return done;
            }
            Assert.True(watch.Elapsed < timeout, $"{failure} (waited {watch.Elapsed})");
            await Task.Delay(100);
        }
    }
}
