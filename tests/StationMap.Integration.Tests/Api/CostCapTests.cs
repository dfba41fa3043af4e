using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using StationMap.Domain.Geo;
using StationMap.Domain.Routes;
using StationMap.Integration.Tests.Infrastructure;
using StationMap.Integration.Tests.Trucks;
using Xunit.Abstractions;

namespace StationMap.Integration.Tests.Api;

/// <summary>
/// The requests that took the service down before it had cost caps, at 300,000 generated stations: a 10,000-point
/// zig-zag route with a 5 km corridor, the worst zig-zag the cap allows, and the whole world's clusters at zoom 3.
/// Each is refused or answered correctly; the server time is printed (speed itself is the benchmark's business).
/// </summary>
public sealed class CostCapTests(Generated300kDatabase database, ITestOutputHelper output) : IClassFixture<Generated300kDatabase>, IAsyncLifetime
{
    private StationMapFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _factory = new StationMapFactory(database.ConnectionString);
        _client = _factory.CreateClient();
        await NearestIndexProbe.WaitUntilCurrentAsync(_client, database.DataSources.Write, TimeSpan.FromSeconds(180));
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    /// <summary>
    /// 10,000 positions swinging <paramref name="swingDegrees"/> north and back while creeping 3 m east each time,
    /// through the densest part of the generated data (central Beijing).
    /// </summary>
    public static List<LatLon> ZigZag(double swingDegrees) =>
        Enumerable.Range(0, RouteQuery.MaxPositions).Select(i => new LatLon(39.90 + (i % 2) * swingDegrees, 116.30 + i * 0.00003)).ToList();

    [Fact]
    public async Task The_zig_zag_route_with_a_5_km_corridor_is_refused_naming_the_corridor()
    {
        var (response, elapsed) = await PostAsync(ZigZag(0.0026), 5000);
        output.WriteLine($"zig-zag 10,000 points, corridor 5000 m: {(int)response.StatusCode} in {elapsed.TotalMilliseconds:F0} ms");
        await Problems.AssertNamesFieldAsync(response, HttpStatusCode.UnprocessableEntity, "corridorM");
    }

    [Fact]
    public async Task The_worst_zig_zag_the_cap_allows_is_answered_exactly()
    {
        var route = ZigZag(0.0026);
        var corridorM = WidestCorridorAllowed(route);
        var (response, elapsed) = await PostAsync(route, corridorM);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var answer = JsonSerializer.Deserialize<RouteStopsDto>(body, JsonSerializerOptions.Web)!;
        output.WriteLine($"zig-zag 10,000 points, corridor {corridorM} m: {answer.Count} stops in {elapsed.TotalMilliseconds:F0} ms");

        // Every live station measured against the corridor directly, without the grid.
        var corridor = new RouteCorridor(route, corridorM);
        var expected = new List<(long Id, RoutePosition Position)>();
        await using (var command = database.DataSources.Read.CreateCommand(
            "SELECT id, ST_Y(location), ST_X(location) FROM station WHERE retired_at IS NULL AND location && ST_MakeEnvelope(116.2, 39.8, 116.7, 40.0, 4326)"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                if (corridor.Locate(reader.GetDouble(1), reader.GetDouble(2)) is { } position)
                {
                    expected.Add((reader.GetInt64(0), position));
                }
            }
        }
        Assert.True(expected.Count > 1000, $"only {expected.Count} stations in the corridor: the route misses the dense data");
        Assert.Equal(expected.Count, answer.Count);
        var first = expected.OrderBy(e => e.Position.AlongM).ThenBy(e => e.Position.OffsetM).ThenBy(e => e.Id).Take(answer.Limit).Select(e => e.Id);
        Assert.Equal(first, answer.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task World_clusters_at_zoom_3_count_every_live_station_once()
    {
        var watch = Stopwatch.StartNew();
        var response = await _client.GetAsync("/api/stations/clusters?bbox=-180,-85,180,85&zoom=3");
        var elapsed = watch.Elapsed;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var counts = json.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("count").GetInt32()).ToList();
        await using var command = database.DataSources.Read.CreateCommand(
            "SELECT count(*) FROM station WHERE retired_at IS NULL AND ST_Intersects(location, ST_MakeEnvelope(-180, -85, 180, 85, 4326))");
        var live = (long)(await command.ExecuteScalarAsync())!;
        output.WriteLine($"world clusters at zoom 3: {counts.Count} cells, {counts.Sum()} stations in {elapsed.TotalMilliseconds:F0} ms");
        Assert.True(live > Generated300kDatabase.GeneratedCount, $"{live} live stations");
        Assert.False(json.RootElement.GetProperty("truncated").GetBoolean());
        Assert.Equal(live, counts.Sum());
    }

    // The widest whole metre of corridor whose area stays within the cap.
    private static int WidestCorridorAllowed(List<LatLon> route)
    {
        var (low, high) = (1, (int)RouteQuery.MaxCorridorM);
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (RouteCost.Exceeded(new RouteQuery { Route = route, CorridorM = mid }) is null)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }
        return low;
    }

    private async Task<(HttpResponseMessage Response, TimeSpan Elapsed)> PostAsync(List<LatLon> route, double corridorM)
    {
        var coordinates = string.Join(',', route.Select(p => $"[{F(p.Lon)},{F(p.Lat)}]"));
        var body = $$"""{"route":{"type":"LineString","coordinates":[{{coordinates}}]},"corridorM":{{F(corridorM)}},"limit":1000}""";
        var watch = Stopwatch.StartNew();
        var response = await _client.PostAsync("/api/routes/stops", new StringContent(body, Encoding.UTF8, "application/json"));
        await response.Content.LoadIntoBufferAsync();
        return (response, watch.Elapsed);
    }

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
