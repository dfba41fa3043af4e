using System.Globalization;
using System.Net;
using System.Text.Json;
using StationMap.Domain;
using StationMap.Integration.Tests.Infrastructure;

namespace StationMap.Integration.Tests.Api;

/// <summary>
/// bbox and clusters from the in-memory index against the same requests answered by PostGIS (<c>Nearest:Path=Database</c>),
/// on the demo data with seeded random boxes, zooms and filters; and the limits each path refuses past.
/// </summary>
public sealed class StationsInViewPathsTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private const int Seed = 20_261_201;
    private static readonly string[] TruckFilters = ["", "truck=true", "vehicleLengthM=17.5", "hazmat=true", "truck=true&hazmat=true"];

    private StationMapFactory _memory = null!;
    private StationMapFactory _database = null!;
    private HttpClient _memoryClient = null!;
    private HttpClient _databaseClient = null!;

    public async Task InitializeAsync()
    {
        // A small answer limit, so that truncated answers (the first by id, the largest cells) are compared too.
        _memory = new StationMapFactory(database.ConnectionString, new Dictionary<string, string?>
        {
            ["Nearest:Path"] = "Memory",
            ["Stations:BoundingBoxLimit"] = "40",
        });
        _database = new StationMapFactory(database.ConnectionString, new Dictionary<string, string?>
        {
            ["Nearest:Path"] = "Database",
            ["Stations:BoundingBoxLimit"] = "40",
            ["Stations:DatabaseMaxStations"] = "400",
        });
        _memoryClient = _memory.CreateClient();
        _databaseClient = _database.CreateClient();
        await NearestIndexProbe.WaitUntilCurrentAsync(_memoryClient, database.DataSources.Write, TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        await _memory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Memory_and_database_give_the_same_stations_in_a_box()
    {
        var random = new Random(Seed);
        var compared = 0;
        for (var i = 0; i < 150; i++)
        {
            var query = $"bbox={RandomBox(random)}{RandomKinds(random)}" + (TruckFilters[random.Next(TruckFilters.Length)] is { Length: > 0 } t ? "&" + t : "");
            var fromDatabase = await _databaseClient.GetAsync($"/api/stations?{query}");
            if (fromDatabase.StatusCode == HttpStatusCode.UnprocessableEntity)
            {
                continue;
            }
            var context = $"seed {Seed} box {i}: ?{query}";
            Assert.True(fromDatabase.StatusCode == HttpStatusCode.OK, $"{context}: {await fromDatabase.Content.ReadAsStringAsync()}");
            var fromMemory = await _memoryClient.GetAsync($"/api/stations?{query}");
            Assert.Equal(HttpStatusCode.OK, fromMemory.StatusCode);
            Assert.True(
                await fromDatabase.Content.ReadAsStringAsync() == await fromMemory.Content.ReadAsStringAsync(),
                $"{context}: database {await fromDatabase.Content.ReadAsStringAsync()} memory {await fromMemory.Content.ReadAsStringAsync()}");
            compared++;
        }
        Assert.True(compared > 100, $"only {compared} boxes compared");
    }

    [Fact]
    public async Task Memory_and_database_give_the_same_clusters()
    {
        var random = new Random(Seed + 1);
        var compared = 0;
        for (var i = 0; i < 150; i++)
        {
            var query = $"bbox={RandomBox(random)}&zoom={random.Next(0, 18)}{RandomKinds(random)}";
            var context = $"seed {Seed + 1} box {i}: ?{query}";
            var fromDatabase = await _databaseClient.GetAsync($"/api/stations/clusters?{query}");
            if (fromDatabase.StatusCode == HttpStatusCode.UnprocessableEntity)
            {
                continue;
            }
            Assert.True(fromDatabase.StatusCode == HttpStatusCode.OK, $"{context}: {await fromDatabase.Content.ReadAsStringAsync()}");
            var fromMemory = await _memoryClient.GetAsync($"/api/stations/clusters?{query}");
            Assert.Equal(HttpStatusCode.OK, fromMemory.StatusCode);
            using var expected = JsonDocument.Parse(await fromDatabase.Content.ReadAsStringAsync());
            using var actual = JsonDocument.Parse(await fromMemory.Content.ReadAsStringAsync());
            var e = expected.RootElement.GetProperty("features").EnumerateArray().ToList();
            var a = actual.RootElement.GetProperty("features").EnumerateArray().ToList();
            Assert.True(e.Count == a.Count, $"{context}: {e.Count} cells from the database, {a.Count} from memory");
            for (var c = 0; c < e.Count; c++)
            {
                Assert.True(e[c].GetProperty("properties").GetRawText() == a[c].GetProperty("properties").GetRawText(), $"{context}: cell {c} {e[c]} vs {a[c]}");
                var (ec, ac) = (e[c].GetProperty("geometry").GetProperty("coordinates"), a[c].GetProperty("geometry").GetProperty("coordinates"));
                // Both round to 1e-6°; summing in another order can move a mean across a rounding boundary.
                Assert.True(Math.Abs(ec[0].GetDouble() - ac[0].GetDouble()) <= 1.01e-6 && Math.Abs(ec[1].GetDouble() - ac[1].GetDouble()) <= 1.01e-6, $"{context}: cell {c} {e[c]} vs {a[c]}");
            }
            Assert.Equal(expected.RootElement.GetProperty("cellDegrees").GetDouble(), actual.RootElement.GetProperty("cellDegrees").GetDouble());
            Assert.Equal(expected.RootElement.GetProperty("truncated").GetBoolean(), actual.RootElement.GetProperty("truncated").GetBoolean());
            compared++;
        }
        Assert.True(compared > 100, $"only {compared} requests compared");
    }

    [Theory]
    [InlineData("/api/stations?bbox=115,39,118,41")]
    [InlineData("/api/stations/clusters?bbox=115,39,118,41&zoom=5")]
    public async Task The_database_path_refuses_a_box_with_more_stations_than_it_reads(string url)
    {
        await Problems.AssertNamesFieldAsync(await _databaseClient.GetAsync(url), HttpStatusCode.UnprocessableEntity, "bbox");
        Assert.Equal(HttpStatusCode.OK, (await _memoryClient.GetAsync(url)).StatusCode);
    }

    [Theory]
    [InlineData("bbox=-180,-85,180,85&zoom=9")]
    [InlineData("bbox=100,30,120,45&zoom=14")]
    public async Task Clusters_refuse_a_box_spanning_too_many_cells(string query)
    {
        await Problems.AssertNamesFieldAsync(await _memoryClient.GetAsync($"/api/stations/clusters?{query}"), HttpStatusCode.UnprocessableEntity, "bbox");
        await Problems.AssertNamesFieldAsync(await _databaseClient.GetAsync($"/api/stations/clusters?{query}"), HttpStatusCode.UnprocessableEntity, "bbox");
    }

    // Over the demo data (Beijing), from a street to the province, and now and then the world or a box of one point.
    private static string RandomBox(Random random)
    {
        if (random.NextDouble() < 0.03)
        {
            return "-180,-90,180,90";
        }
        var (lat, lon) = (39.4 + random.NextDouble() * 1.7, 115.4 + random.NextDouble() * 2.1);
        var width = 0.005 * Math.Pow(400, random.NextDouble());
        var height = 0.005 * Math.Pow(300, random.NextDouble());
        return string.Join(',', new[] { lon - width / 2, lat - height / 2, lon + width / 2, lat + height / 2 }.Select(v => Math.Round(v, 5).ToString(CultureInfo.InvariantCulture)));
    }

    private static string RandomKinds(Random random)
    {
        var kinds = StationKinds.WireNames.Where(_ => random.NextDouble() < 0.3).ToList();
        return kinds.Count == 0 ? "" : "&kind=" + string.Join(',', kinds);
    }
}
