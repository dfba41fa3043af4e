using System.Globalization;
using System.Net;
using System.Text.Json;
using Npgsql;
using StationMap.Domain;
using StationMap.Integration.Tests.Infrastructure;

namespace StationMap.Integration.Tests.Api;

/// <summary>
/// bbox from the in-memory index against the same requests answered by PostGIS (<c>Nearest:Path=Database</c>), page by
/// page, on the demo data with seeded random boxes and filters; clusters from the index only; and the limits each path
/// refuses past.
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
            var query = $"bbox={RandomBox(random)}{RandomFilters(random)}";
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
    public async Task Page_by_page_both_paths_read_every_station_of_a_region_once_as_the_database_counts_them()
    {
        var random = new Random(Seed + 2);
        var compared = 0;
        var paged = 0;
        for (var i = 0; i < 40; i++)
        {
            // "Open now" is left out: the database cannot count it (the first test compares its pages between the paths).
            // The other filters less often than there, so that most regions hold several pages.
            var (box, filters) = (RandomCityBox(random), random.NextDouble() < 0.5 ? "" : RandomFilters(random, openNow: false));
            // Small pages (the answer limit is 40 here), so that most regions take several.
            var query = $"bbox={box}{filters}" + (random.NextDouble() < 0.9 ? $"&limit={random.Next(4, 15)}" : "");
            var context = $"seed {Seed + 2} region {i}: ?{query}";
            var fromDatabase = await ReadEveryPageAsync(_databaseClient, query, context);
            if (fromDatabase is null)
            {
                continue;
            }
            var fromMemory = await ReadEveryPageAsync(_memoryClient, query, context);
            Assert.True(fromMemory is not null, context);
            Assert.True(fromDatabase.Ids.SequenceEqual(fromMemory.Ids), $"{context}: database [{string.Join(',', fromDatabase.Ids)}] memory [{string.Join(',', fromMemory.Ids)}]");
            Assert.True(fromDatabase.Ids.Zip(fromDatabase.Ids.Skip(1)).All(p => p.First < p.Second), $"{context}: ids not strictly increasing across pages");
            Assert.Equal(await CountAsync(box, filters), fromDatabase.Ids.Count);
            compared++;
            paged += fromDatabase.Pages > 1 ? 1 : 0;
        }
        Assert.True(compared > 30 && paged > 10, $"only {compared} regions compared, {paged} of them over several pages");
    }

    [Fact]
    public async Task Clusters_come_from_the_index_only_and_say_they_are_deprecated()
    {
        const string url = "/api/stations/clusters?bbox=116.2,39.8,116.5,40&zoom=10";
        var fromMemory = await _memoryClient.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, fromMemory.StatusCode);
        Assert.Equal("@1796169600", fromMemory.Headers.GetValues("Deprecation").Single());
        Assert.Contains("rel=\"deprecation\"", fromMemory.Headers.GetValues("Link").Single());

        // Without the index (Nearest:Path=Database) there is nothing to answer from: no aggregation in the database.
        var fromDatabase = await _databaseClient.GetAsync(url);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, fromDatabase.StatusCode);
        Assert.Equal("application/problem+json", fromDatabase.Content.Headers.ContentType?.MediaType);
        Assert.True(fromDatabase.Headers.RetryAfter is not null);
    }

    [Fact]
    public async Task The_database_path_refuses_a_box_with_more_stations_than_it_reads()
    {
        const string url = "/api/stations?bbox=115,39,118,41";
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

    // Inside the city, where the demo stations are dense: a few to a few hundred stations.
    private static string RandomCityBox(Random random)
    {
        var (lat, lon) = (39.75 + random.NextDouble() * 0.3, 116.2 + random.NextDouble() * 0.4);
        var (width, height) = (0.02 + random.NextDouble() * 0.06, 0.02 + random.NextDouble() * 0.05);
        return string.Join(',', new[] { lon - width / 2, lat - height / 2, lon + width / 2, lat + height / 2 }.Select(v => Math.Round(v, 5).ToString(CultureInfo.InvariantCulture)));
    }

    private static string RandomKinds(Random random)
    {
        var kinds = StationKinds.WireNames.Where(_ => random.NextDouble() < 0.3).ToList();
        return kinds.Count == 0 ? "" : "&kind=" + string.Join(',', kinds);
    }

    // Kinds, now and then one or two amenities, open now (the pinned clock), and the truck filters.
    private static string RandomFilters(Random random, bool openNow = true)
    {
        var filters = RandomKinds(random);
        if (random.NextDouble() < 0.4)
        {
            filters += "&amenity=" + string.Join(',', Amenities.WireNames.OrderBy(_ => random.Next()).Take(random.Next(1, 3)));
        }
        if (openNow && random.NextDouble() < 0.3)
        {
            filters += "&openNow=true";
        }
        return filters + (TruckFilters[random.Next(TruckFilters.Length)] is { Length: > 0 } t ? "&" + t : "");
    }

    private sealed record RegionPages(List<long> Ids, int Pages);

    // Follows 'next' from the first page to the last; null when the path refuses the box.
    private static async Task<RegionPages?> ReadEveryPageAsync(HttpClient client, string query, string context)
    {
        var ids = new List<long>();
        string? url = $"/api/stations?{query}";
        var pages = 0;
        while (url is not null)
        {
            var response = await client.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.UnprocessableEntity && pages == 0)
            {
                return null;
            }
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{context} page {pages}: {body}");
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            ids.AddRange(root.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetInt64()));
            url = root.GetProperty("next").GetString();
            Assert.Equal(url is not null, root.GetProperty("truncated").GetBoolean());
            Assert.True(++pages <= 500, $"{context}: more than 500 pages");
        }
        return new RegionPages(ids, pages);
    }

    // The database's own count of the stations the filters (kind, amenity, truck) let through in the box.
    private async Task<int> CountAsync(string box, string filters)
    {
        var parameters = filters.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        var b = box.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        await using var command = database.DataSources.Read.CreateCommand("""
            SELECT count(*)::int FROM station s
            WHERE s.retired_at IS NULL
              AND ST_Intersects(s.location, ST_MakeEnvelope($1, $2, $3, $4, 4326))
              AND (cardinality($5::text[]) = 0 OR s.kind = ANY($5::text[]))
              AND s.amenities @> $6::text[]
              AND (NOT $7 OR s.truck_parking_spaces > 0)
              AND ($8::float8 IS NULL OR s.max_vehicle_length_m >= $8::float8)
              AND (NOT $9 OR s.hazmat_allowed)
            """);
        string[] List(string name) => parameters.TryGetValue(name, out var v) ? v.Split(',') : [];
        object[] values =
        [
            b[0], b[1], b[2], b[3], List("kind"), List("amenity"), parameters.ContainsKey("truck"),
            parameters.TryGetValue("vehicleLengthM", out var length) ? double.Parse(length, CultureInfo.InvariantCulture) : DBNull.Value,
            parameters.ContainsKey("hazmat"),
        ];
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
