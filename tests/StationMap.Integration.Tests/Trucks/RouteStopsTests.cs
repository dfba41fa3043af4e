using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using StationMap.Domain.Geo;
using StationMap.Integration.Tests.Infrastructure;

namespace StationMap.Integration.Tests.Trucks;

/// <summary>
/// POST /api/routes/stops against <see cref="BruteForceCorridor"/>, on random routes and on the awkward ones, with the
/// candidates from the in-memory index (<see cref="RouteStopsFromMemoryTests"/>) and from PostGIS (<see cref="RouteStopsFromDatabaseTests"/>).
/// </summary>
public abstract class RouteStopsTests(DemoDatabase database, string nearestPath) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private const int Seed = 8080;
    private StationMapFactory _factory = null!;
    private HttpClient _client = null!;
    private IReadOnlyList<TruckStation> _all = [];

    public async Task InitializeAsync()
    {
        await SyntheticStations.InsertAsync(database.DataSources.Write);
        _factory = new StationMapFactory(database.ConnectionString, new Dictionary<string, string?> { ["Nearest:Path"] = nearestPath });
        _client = _factory.CreateClient();
        _all = await TruckStation.LoadAllAsync(database.DataSources.Read);
        if (nearestPath == "Memory")
        {
            await NearestIndexProbe.WaitUntilCurrentAsync(_client, database.DataSources.Write, TimeSpan.FromSeconds(60));
        }
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Random_routes_over_beijing_equal_the_brute_force_corridor()
    {
        var random = new Random(Seed);
        var compared = 0;
        for (var i = 0; i < 24; i++)
        {
            var route = RandomRoute(random, 39.65 + random.NextDouble() * 0.5, 115.95 + random.NextDouble() * 0.75, random.Next(2, 25));
            if (i % 4 == 3)
            {
                // Doubling back over part of the way, a few hundred metres beside the way out (the other carriageway,
                // a parallel road), so that the way back passes some stations closer than the way out did.
                var back = route.Take(route.Count - 1).Reverse().Take(random.Next(1, route.Count))
                    .Select(p => (Math.Round(p.Lat + (random.NextDouble() - 0.5) * 0.006, 6), Math.Round(p.Lon + (random.NextDouble() - 0.5) * 0.006, 6)))
                    .ToList();
                route.AddRange(back);
            }
            double[] corridors = [150, 500, 1000, 2500, 5000];
            var corridor = corridors[random.Next(corridors.Length)];
            var (truck, length, hazmat) = (i % 3) switch
            {
                0 => (false, (double?)null, false),
                1 => (true, (double?)null, false),
                _ => (random.Next(2) == 0, (double?)16.5, random.Next(2) == 0),
            };
            var answer = await PostAsync(Body(route, corridor, truck, length, hazmat, limit: 1000));
            compared += AssertMatchesBruteForce(route, corridor, truck, length, hazmat, answer, $"seed {Seed} case {i}");
        }
        Assert.True(compared >= 100, $"only {compared} stops compared: the random routes miss the stations");
    }

    [Fact]
    public async Task Random_routes_on_the_synthetic_grid_with_every_filter_equal_the_brute_force_corridor()
    {
        var random = new Random(Seed + 1);
        var compared = 0;
        for (var i = 0; i < 10; i++)
        {
            var route = RandomRoute(random, 41.0 + random.NextDouble() * 0.08, 109.98 + random.NextDouble() * 0.08, random.Next(2, 12));
            var corridor = 200 + random.Next(2000);
            double?[] lengths = [null, 12, 16.5, 17, 18, 22, 25];
            var (truck, length, hazmat) = (random.Next(2) == 0, lengths[random.Next(lengths.Length)], random.Next(2) == 0);
            var answer = await PostAsync(Body(route, corridor, truck, length, hazmat, limit: 1000));
            compared += AssertMatchesBruteForce(route, corridor, truck, length, hazmat, answer, $"seed {Seed + 1} case {i}");
            Assert.All(answer.Items, item =>
            {
                Assert.True(!truck || item.TruckParkingSpaces > 0, $"case {i}: {item.Id} has no truck parking");
                Assert.True(length is null || item.MaxVehicleLengthM >= length, $"case {i}: {item.Id} is too short");
                Assert.True(!hazmat || item.HazmatAllowed, $"case {i}: {item.Id} takes no hazmat");
            });
        }
        Assert.True(compared >= 100, $"only {compared} stops compared");
    }

    [Fact]
    public async Task A_route_that_doubles_back_places_each_stop_on_the_way_out()
    {
        // North along the 110°E meridian for ~8.9 km, then back the same way.
        List<(double Lat, double Lon)> route = [(41.0, 110.0), (41.04, 110.0), (41.08, 110.0), (41.04, 110.0), (41.0, 110.0)];
        var oneWay = Geodesy.DistanceMeters(41.0, 110.0, 41.08, 110.0);
        var answer = await PostAsync(Body(route, 500));

        AssertMatchesBruteForce(route, 500, false, null, false, answer, "doubling back");
        Assert.InRange(answer.LengthM, 2 * oneWay - 1, 2 * oneWay + 1);
        var beside = answer.Items.Where(i => i.Lat > 41.0 && i.Lat < 41.08).ToList();
        Assert.True(beside.Count >= 40, $"{beside.Count} stops beside the meridian");
        Assert.All(beside, item =>
            Assert.InRange(item.AlongM, Geodesy.DistanceMeters(41.0, 110.0, item.Lat, 110.0) - 1, Geodesy.DistanceMeters(41.0, 110.0, item.Lat, 110.0) + 1));
        Assert.All(answer.Items, item => Assert.True(item.AlongM <= oneWay + 1, $"{item.Id} placed on the way back at {item.AlongM}"));
        Assert.Equal(beside.OrderBy(i => i.Lat).Select(i => i.Lat).Distinct(), beside.Select(i => i.Lat).Distinct());
    }

    [Fact]
    public async Task A_self_crossing_route_places_a_stop_at_the_crossing_on_its_first_passage()
    {
        // North, east, south, then west across the first leg at 41.03°N, 110.0°E.
        List<(double Lat, double Lon)> route = [(41.0, 110.0), (41.06, 110.0), (41.06, 110.04), (41.03, 110.04), (41.03, 109.97)];
        var answer = await PostAsync(Body(route, 300));

        AssertMatchesBruteForce(route, 300, false, null, false, answer, "self-crossing");
        // The grid has a station on the crossing itself (row 12, column 10).
        var crossing = Assert.Single(answer.Items, i => Math.Abs(i.Lat - 41.028) < 1e-9 && Math.Abs(i.Lon - 110.0) < 1e-9);
        Assert.InRange(crossing.AlongM, Geodesy.DistanceMeters(41.0, 110.0, 41.028, 110.0) - 1, Geodesy.DistanceMeters(41.0, 110.0, 41.028, 110.0) + 1);
        Assert.True(crossing.OffsetM < 1);

        // Row 12, column 11: 336 m east of the first leg, 222 m north of the last; nearer the last, yet met first on the first.
        var nearerLater = await PostAsync(Body(route, 400));
        var stop = Assert.Single(nearerLater.Items, i => Math.Abs(i.Lat - 41.028) < 1e-9 && Math.Abs(i.Lon - 110.004) < 1e-9);
        var firstLeg = Geodesy.DistanceMeters(41.0, 110.0, 41.028, 110.0);
        Assert.InRange(stop.AlongM, firstLeg - 5, firstLeg + 5);
        Assert.InRange(stop.OffsetM, 215, 230);
        AssertMatchesBruteForce(route, 400, false, null, false, nearerLater, "self-crossing, nearer the later passage");
    }

    [Fact]
    public async Task A_two_point_route_equals_the_brute_force_corridor()
    {
        List<(double Lat, double Lon)> route = [(41.01, 109.965), (41.09, 110.07)];
        var answer = await PostAsync(Body(route, 700));
        Assert.True(AssertMatchesBruteForce(route, 700, false, null, false, answer, "two points") >= 50);
        Assert.InRange(answer.LengthM, Geodesy.DistanceMeters(41.01, 109.965, 41.09, 110.07) - 0.5, Geodesy.DistanceMeters(41.01, 109.965, 41.09, 110.07) + 0.5);
    }

    [Fact]
    public async Task Duplicate_consecutive_positions_change_nothing()
    {
        List<(double Lat, double Lon)> plain = [(41.0, 109.98), (41.05, 110.02), (41.07, 110.06)];
        List<(double Lat, double Lon)> repeated = [plain[0], plain[0], plain[1], plain[1], plain[1], plain[2], plain[2]];
        var once = await PostAsync(Body(plain, 600));
        var twice = await PostAsync(Body(repeated, 600));

        AssertMatchesBruteForce(repeated, 600, false, null, false, twice, "duplicates");
        Assert.NotEmpty(once.Items);
        Assert.Equal(once.Items.Select(i => (i.Id, i.AlongM, i.OffsetM)), twice.Items.Select(i => (i.Id, i.AlongM, i.OffsetM)));
        Assert.Equal(once.LengthM, twice.LengthM);
    }

    [Fact]
    public async Task The_demo_route_finds_the_truck_stops_along_g107_in_order()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Trucks", "fangshan-route.geojson");
        var feature = JsonDocument.Parse(await File.ReadAllTextAsync(path)).RootElement;
        var body = $$"""{"route": {{feature.GetRawText()}}, "corridorM": 2000, "truck": true}""";
        var answer = await PostAsync(body);

        var route = feature.GetProperty("geometry").GetProperty("coordinates").EnumerateArray()
            .Select(p => (Lat: p[1].GetDouble(), Lon: p[0].GetDouble())).ToList();
        Assert.True(AssertMatchesBruteForce(route, 2000, true, null, false, answer, "demo route") >= 3);
        var names = answer.Items.Select(i => i.Name).ToList();
        Assert.Contains("107国道窦店检查站货车司机驿站", names);
        Assert.All(answer.Items, i => Assert.True(i.TruckParkingSpaces > 0));
    }

    [Fact]
    public async Task A_limit_keeps_the_first_stops_along_the_route_and_says_it_truncated()
    {
        List<(double Lat, double Lon)> route = [(41.0, 109.98), (41.09, 110.05)];
        var all = await PostAsync(Body(route, 1500, limit: 1000));
        var first = await PostAsync(Body(route, 1500, limit: 10));

        Assert.True(all.Count > 10);
        Assert.False(all.Truncated);
        Assert.True(first.Truncated);
        Assert.Equal(all.Count, first.Count);
        Assert.Equal(all.Items.Take(10).Select(i => i.Id), first.Items.Select(i => i.Id));
    }

    /// <summary>Asserts the answer against the brute force; returns how many stops were compared.</summary>
    private int AssertMatchesBruteForce(
        List<(double Lat, double Lon)> route, double corridor, bool truck, double? length, bool hazmat, RouteStopsDto answer, string context)
    {
        var brute = new BruteForceCorridor(route, corridor);
        var expected = new Dictionary<long, (double AlongM, double OffsetM, bool Marginal)>();
        foreach (var station in _all.Where(s => s.Fits(truck, length, hazmat)))
        {
            if (brute.Locate(station.Lat, station.Lon) is { } located)
            {
                expected[station.Id] = located;
            }
        }
        Assert.False(answer.Truncated, $"{context}: truncated at {answer.Limit} of {answer.Count}");
        Assert.Equal(answer.Count, answer.Items.Count);
        var got = answer.Items.Select(i => i.Id).ToHashSet();
        var missing = expected.Where(e => !e.Value.Marginal && !got.Contains(e.Key)).Select(e => e.Key).ToList();
        var extra = got.Where(id => !expected.ContainsKey(id)).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"{context}: missing [{string.Join(",", missing.Select(id => $"{id}@{expected[id].OffsetM:0.00}"))}] extra [{string.Join(",", extra)}]");

        var previous = double.NegativeInfinity;
        foreach (var item in answer.Items)
        {
            var (along, offset, marginal) = expected[item.Id];
            if (marginal)
            {
                continue;
            }
            Assert.True(Math.Abs(item.AlongM - along) <= 1, $"{context}: station {item.Id} alongM {item.AlongM} vs {along:0.00}");
            Assert.True(Math.Abs(item.OffsetM - offset) <= 1, $"{context}: station {item.Id} offsetM {item.OffsetM} vs {offset:0.00}");
            Assert.True(offset <= corridor + BruteForceCorridor.EdgeToleranceM, $"{context}: station {item.Id} is {offset:0.00} m off");
            Assert.True(along >= previous - 1, $"{context}: station {item.Id} at {along:0.00} comes after one at {previous:0.00}");
            previous = Math.Max(previous, along);
        }
        return answer.Items.Count;
    }

    // A drive: a random heading that turns a little at each vertex, legs of 100 m to 4 km.
    private static List<(double Lat, double Lon)> RandomRoute(Random random, double lat, double lon, int positions)
    {
        var route = new List<(double Lat, double Lon)> { (Math.Round(lat, 6), Math.Round(lon, 6)) };
        var heading = random.NextDouble() * 2 * Math.PI;
        for (var i = 1; i < positions; i++)
        {
            heading += (random.NextDouble() - 0.5) * 1.5;
            var legM = 100 + random.NextDouble() * 3900;
            lat += legM * Math.Cos(heading) / 111_000;
            lon += legM * Math.Sin(heading) / (111_000 * Math.Cos(lat * Math.PI / 180));
            route.Add((Math.Round(lat, 6), Math.Round(lon, 6)));
        }
        return route;
    }

    internal static string Body(
        IEnumerable<(double Lat, double Lon)> route, double corridorM, bool truck = false, double? vehicleLengthM = null,
        bool hazmat = false, int? limit = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["route"] = new { type = "LineString", coordinates = route.Select(p => new[] { p.Lon, p.Lat }) },
            ["corridorM"] = corridorM,
            ["truck"] = truck,
            ["hazmat"] = hazmat,
        };
        if (vehicleLengthM is not null)
        {
            body["vehicleLengthM"] = vehicleLengthM;
        }
        if (limit is not null)
        {
            body["limit"] = limit;
        }
        return JsonSerializer.Serialize(body);
    }

    private async Task<RouteStopsDto> PostAsync(string body)
    {
        var response = await _client.PostAsync("/api/routes/stops", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<RouteStopsDto>())!;
    }
}

public sealed class RouteStopsFromMemoryTests(DemoDatabase database) : RouteStopsTests(database, "Memory");

public sealed class RouteStopsFromDatabaseTests(DemoDatabase database) : RouteStopsTests(database, "Database");
