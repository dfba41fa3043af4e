using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using StationMap.Domain.Geo;
using StationMap.Integration.Tests.Api;
using StationMap.Integration.Tests.Infrastructure;

namespace StationMap.Integration.Tests.Trucks;

/// <summary>truck, vehicleLengthM and hazmat on nearest, bbox and checkpoint stops: exactly the stations that fit, no more, no fewer.</summary>
public sealed class TruckFilterTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private const int Seed = 1707;
    private StationMapFactory _factory = null!;
    private HttpClient _client = null!;
    private IReadOnlyList<TruckStation> _all = [];

    public async Task InitializeAsync()
    {
        await SyntheticStations.InsertAsync(database.DataSources.Write);
        await using (var checkpoint = database.DataSources.Write.CreateCommand("""
            -- Off the grid's symmetry lines, so that no two stations are the same distance from it.
            INSERT INTO checkpoint (source, external_id, name, road, location)
            VALUES ('route-test-grid', 'grid-cp', '网格检查站', 'G6', ST_SetSRID(ST_MakePoint(110.0213, 41.0377), 4326))
            ON CONFLICT DO NOTHING
            """))
        {
            await checkpoint.ExecuteNonQueryAsync();
        }
        _factory = new StationMapFactory(database.ConnectionString);
        _client = _factory.CreateClient();
        _all = await TruckStation.LoadAllAsync(database.DataSources.Read);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    public static TheoryData<string, bool, double?, bool> Filters => new()
    {
        { "truck=true", true, null, false },
        { "hazmat=true", false, null, true },
        { "vehicleLengthM=17.5", false, 17.5, false },
        { "truck=true&vehicleLengthM=18&hazmat=true", true, 18, true },
        { "truck=1&vehicleLengthM=16.6", true, 16.6, false },
        { "vehicleLengthM=22&hazmat=yes", false, 22, true },
        { "truck=false&hazmat=false", false, null, false },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Nearest_with_truck_filters_equals_brute_force(string filter, bool truck, double? length, bool hazmat)
    {
        var random = new Random(Seed);
        var compared = 0;
        for (var i = 0; i < 12; i++)
        {
            // Half in Fangshan (the demo's truck stops), half over the synthetic grid (every combination of attributes).
            var (lat, lon) = i % 2 == 0
                ? (39.55 + random.NextDouble() * 0.3, 115.9 + random.NextDouble() * 0.35)
                : (40.98 + random.NextDouble() * 0.12, 109.96 + random.NextDouble() * 0.12);
            var response = await _client.GetAsync($"/api/stations/nearest?lat={F(lat)}&lon={F(lon)}&k=25&{filter}");
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            var answer = (await response.Content.ReadFromJsonAsync<NearestResponseDto>())!;
            var expected = _all.Where(s => s.Fits(truck, length, hazmat))
                .Select(s => (s.Id, D: Geodesy.DistanceMeters(lat, lon, s.Lat, s.Lon)))
                .OrderBy(x => x.D).ThenBy(x => x.Id).Take(25).ToList();
            Assert.True(expected.Select(e => e.Id).SequenceEqual(answer.Items.Select(x => x.Id)),
                $"seed {Seed} case {i} {filter}: expected [{string.Join(",", expected.Select(e => e.Id))}] got [{string.Join(",", answer.Items.Select(x => x.Id))}]");
            compared += expected.Count;
        }
        Assert.True(compared > 100);
    }

    [Theory]
    [InlineData("Memory")]
    [InlineData("Database")]
    public async Task Nearest_items_carry_the_truck_fields_route_and_checkpoint_stops_have(string path)
    {
        await using var factory = new StationMapFactory(database.ConnectionString, new Dictionary<string, string?> { ["Nearest:Path"] = path });
        using var client = factory.CreateClient();
        if (path == "Memory")
        {
            await NearestIndexProbe.WaitUntilCurrentAsync(client, database.DataSources.Write, TimeSpan.FromSeconds(30));
        }
        var byId = _all.ToDictionary(s => s.Id);
        var seen = new HashSet<(bool Spaces, bool Length, bool Hazmat)>();
        // Over the synthetic grid, where every combination of truck attributes stands.
        var response = await client.GetAsync("/api/stations/nearest?lat=41.03&lon=110.02&k=100");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var answer = (await response.Content.ReadFromJsonAsync<NearestResponseDto>())!;
        foreach (var item in answer.Items)
        {
            var stored = byId[item.Id];
            Assert.Equal((stored.Spaces, stored.MaxLengthM, stored.Hazmat), (item.TruckParkingSpaces, item.MaxVehicleLengthM, item.HazmatAllowed));
            seen.Add((item.TruckParkingSpaces is not null, item.MaxVehicleLengthM is not null, item.HazmatAllowed));
        }
        Assert.True(seen.Count >= 4, $"{path}: only {seen.Count} combinations of truck fields among the answers");
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Bbox_with_truck_filters_returns_exactly_the_stations_that_fit(string filter, bool truck, double? length, bool hazmat)
    {
        foreach (var (minLon, minLat, maxLon, maxLat) in new[] { (109.95, 40.97, 110.09, 41.11), (115.7, 39.5, 116.3, 39.9) })
        {
            var response = await _client.GetAsync($"/api/stations?bbox={F(minLon)},{F(minLat)},{F(maxLon)},{F(maxLat)}&{filter}");
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var got = json.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetInt64()).ToHashSet();
            var expected = _all
                .Where(s => s.Lon >= minLon && s.Lon <= maxLon && s.Lat >= minLat && s.Lat <= maxLat && s.Fits(truck, length, hazmat))
                .Select(s => s.Id).ToHashSet();
            Assert.NotEmpty(expected);
            Assert.True(expected.SetEquals(got), $"{filter}: missing [{string.Join(",", expected.Except(got))}] extra [{string.Join(",", got.Except(expected))}]");
        }
    }

    [Theory]
    [InlineData("", null, false)]
    [InlineData("vehicleLengthM=18", 18.0, false)]
    [InlineData("hazmat=true", null, true)]
    [InlineData("vehicleLengthM=17.5&hazmat=true", 17.5, true)]
    public async Task Checkpoint_stops_are_the_nearest_truck_stops_that_fit(string filter, double? length, bool hazmat)
    {
        using var list = JsonDocument.Parse(await _client.GetStringAsync("/api/checkpoints"));
        var checkpoints = list.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => (Id: f.GetProperty("id").GetInt64(), Lon: f.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble(),
                Lat: f.GetProperty("geometry").GetProperty("coordinates")[1].GetDouble()))
            .ToList();
        Assert.Equal(10, checkpoints.Count);
        var compared = 0;
        foreach (var checkpoint in checkpoints)
        {
            var response = await _client.GetAsync($"/api/checkpoints/{checkpoint.Id}/stops?radiusM=25000&k=15&{filter}");
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var items = json.RootElement.GetProperty("items").EnumerateArray()
                .Select(i => (Id: i.GetProperty("id").GetInt64(), DistanceM: i.GetProperty("distanceM").GetDouble())).ToList();
            var expected = _all.Where(s => s.Fits(true, length, hazmat))
                .Select(s => (s.Id, DistanceM: Geodesy.DistanceMeters(checkpoint.Lat, checkpoint.Lon, s.Lat, s.Lon)))
                .Where(x => x.DistanceM <= 25000)
                .OrderBy(x => x.DistanceM).ThenBy(x => x.Id).Take(15).ToList();
            Assert.True(expected.Select(e => e.Id).SequenceEqual(items.Select(i => i.Id)),
                $"checkpoint {checkpoint.Id} {filter}: expected [{string.Join(",", expected.Select(e => e.Id))}] got [{string.Join(",", items.Select(i => i.Id))}]");
            Assert.All(expected.Zip(items), pair => Assert.True(Math.Abs(pair.First.DistanceM - pair.Second.DistanceM) <= 0.5));
            compared += items.Count;
        }
        Assert.True(compared >= 20, $"{compared} stops compared");
    }

    [Fact]
    public async Task Every_fangshan_checkpoint_has_its_own_rest_stop_first()
    {
        using var list = JsonDocument.Parse(await _client.GetStringAsync("/api/checkpoints"));
        foreach (var feature in list.RootElement.GetProperty("features").EnumerateArray().Where(f => f.GetProperty("properties").GetProperty("district").GetString() == "房山区"))
        {
            var name = feature.GetProperty("properties").GetProperty("name").GetString();
            var stops = JsonDocument.Parse(await _client.GetStringAsync($"/api/checkpoints/{feature.GetProperty("id").GetInt64()}/stops")).RootElement;
            var first = stops.GetProperty("items")[0];
            Assert.Equal(name + "货车司机驿站", first.GetProperty("name").GetString());
            Assert.InRange(first.GetProperty("distanceM").GetDouble(), 40, 200);
            Assert.True(first.GetProperty("truckParkingSpaces").GetInt32() > 0);
        }
    }

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
