using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StationMap.Domain;
using StationMap.Integration.Tests.Infrastructure;

namespace StationMap.Integration.Tests.Api;

/// <summary>bbox GeoJSON, one station by id, health and the OpenAPI document.</summary>
public sealed class StationsReadTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private StationMapFactory _factory = null!;
    private HttpClient _client = null!;
    private IReadOnlyList<ReferenceStation> _all = [];

    public async Task InitializeAsync()
    {
        _factory = new StationMapFactory(database.ConnectionString);
        _client = _factory.CreateClient();
        _all = await ReferenceStation.LoadAllAsync(database.DataSources.Read);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData(116.30, 39.85, 116.45, 39.95, "")]
    [InlineData(115.40, 39.40, 117.50, 41.10, "")]
    [InlineData(116.00, 39.55, 116.25, 39.80, "checkpoint_rest_stop,workers_home")]
    [InlineData(116.3975, 39.9087, 116.3975, 39.9087, "")]
    public async Task Bbox_returns_exactly_the_live_stations_inside(double minLon, double minLat, double maxLon, double maxLat, string kinds)
    {
        var query = $"bbox={F(minLon)},{F(minLat)},{F(maxLon)},{F(maxLat)}" + (kinds.Length > 0 ? $"&kind={kinds}" : "");
        var response = await _client.GetAsync($"/api/stations?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());

        var wanted = kinds.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(k => StationKinds.TryParse(k, out var kind) ? kind : throw new ArgumentException(k)).ToHashSet();
        var expected = _all
            .Where(s => !s.Retired && s.Lon >= minLon && s.Lon <= maxLon && s.Lat >= minLat && s.Lat <= maxLat)
            .Where(s => wanted.Count == 0 || wanted.Contains(s.Kind))
            .Select(s => s.Id).OrderBy(id => id).ToList();
        var limit = root.GetProperty("limit").GetInt32();
        var features = root.GetProperty("features").EnumerateArray().ToList();
        var ids = features.Select(f => f.GetProperty("id").GetInt64()).ToList();

        Assert.Equal(expected.Count > limit, root.GetProperty("truncated").GetBoolean());
        Assert.Equal(expected.Count > limit, root.GetProperty("next").ValueKind == JsonValueKind.String);
        Assert.Equal(expected.Take(limit), ids);
        foreach (var feature in features)
        {
            Assert.Equal("Feature", feature.GetProperty("type").GetString());
            var geometry = feature.GetProperty("geometry");
            Assert.Equal("Point", geometry.GetProperty("type").GetString());
            var station = _all.Single(s => s.Id == feature.GetProperty("id").GetInt64());
            Assert.Equal(station.Lon, geometry.GetProperty("coordinates")[0].GetDouble());
            Assert.Equal(station.Lat, geometry.GetProperty("coordinates")[1].GetDouble());
        }
    }

    [Theory]
    [InlineData("amenity=toilet", 50)]
    [InlineData("amenity=hot_water,phone_charging&openNow=true", 200)]
    [InlineData("openNow=yes&kind=warm_station", 300)]
    public async Task Bbox_honours_amenity_and_open_now_and_its_next_links_read_every_station(string filters, int limit)
    {
        const double minLon = 115.4, minLat = 39.4, maxLon = 117.5, maxLat = 41.1;
        var parameters = filters.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        var amenities = parameters.TryGetValue("amenity", out var a) ? Amenities.FromWire(a.Split(',')) : Amenity.None;
        var kinds = parameters.TryGetValue("kind", out var k) ? k.Split(',').Select(w => StationKinds.TryParse(w, out var kind) ? kind : throw new ArgumentException(w)).ToHashSet() : [];
        var openNow = parameters.ContainsKey("openNow");
        var expected = _all
            .Where(s => !s.Retired && s.Lon >= minLon && s.Lon <= maxLon && s.Lat >= minLat && s.Lat <= maxLat)
            .Where(s => (s.Amenities & amenities) == amenities && (kinds.Count == 0 || kinds.Contains(s.Kind)))
            .Where(s => !openNow || s.IsOpenAt(_factory.Time.GetUtcNow()))
            .Select(s => s.Id).OrderBy(id => id).ToList();
        Assert.InRange(expected.Count, limit + 1, 100 * limit);

        var ids = new List<long>();
        string? url = $"/api/stations?bbox={F(minLon)},{F(minLat)},{F(maxLon)},{F(maxLat)}&{filters}&limit={limit}";
        while (url is not null)
        {
            Assert.StartsWith("/api/stations?", url);
            var page = await _client.GetFromJsonAsync<JsonElement>(url);
            Assert.Equal(limit, page.GetProperty("limit").GetInt32());
            ids.AddRange(page.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetInt64()));
            url = page.GetProperty("next").GetString();
        }
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task Bbox_names_a_parameter_it_does_not_know_and_lists_those_it_does()
    {
        var response = await _client.GetAsync("/api/stations?bbox=116,39,117,40&amenity=toilet&openNow=true&radius=5&Kind=warm_station");
        await Problems.AssertNamesFieldAsync(response, HttpStatusCode.BadRequest, "radius");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["radius"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.EndsWith("expected any of bbox, kind, amenity, openNow, limit, after, truck, vehicleLengthM, hazmat",
            problem.GetProperty("errors").GetProperty("radius")[0].GetString());
    }

    [Fact]
    public async Task A_station_by_id_has_its_full_record_and_an_unknown_id_is_a_404_problem()
    {
        var checkpointStop = _all.First(s => s.Kind == StationKind.CheckpointRestStop);
        var station = await _client.GetFromJsonAsync<JsonElement>($"/api/stations/{checkpointStop.Id}");
        Assert.Equal("checkpoint_rest_stop", station.GetProperty("kind").GetString());
        Assert.Equal("demo", station.GetProperty("source").GetString());
        Assert.True(station.GetProperty("truckParkingSpaces").GetInt32() > 0);
        Assert.Equal(checkpointStop.Lat, station.GetProperty("lat").GetDouble());

        var missing = await _client.GetAsync("/api/stations/987654321");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        var problem = await missing.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains("987654321", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Health_checks_the_database()
    {
        var health = await _client.GetFromJsonAsync<JsonElement>("/healthz");
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(_all.Count(s => !s.Retired), health.GetProperty("liveStations").GetInt64());
    }

    [Fact]
    public async Task OpenApi_document_lists_the_endpoints_and_docs_page_is_served()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/stations/nearest", paths);
        Assert.Contains("/api/stations", paths);
        Assert.Contains("/api/stations/{id}", paths);
        Assert.Contains("/healthz", paths);

        // The key is declared once and required exactly where a policy asks for it, with the roles it allows.
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("operatorKey");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        string[] Required(string path, string method) =>
            document.GetProperty("paths").GetProperty(path).GetProperty(method).TryGetProperty("security", out var security)
                ? [.. security.EnumerateArray().SelectMany(r => r.EnumerateObject()).SelectMany(r => r.Value.EnumerateArray().Select(v => $"{r.Name}:{v.GetString()}"))]
                : [];
        Assert.Equal(["operatorKey:operator"], Required("/api/imports", "get"));
        Assert.Equal(["operatorKey:planner"], Required("/api/planning/runs", "post"));
        Assert.Equal(["operatorKey:planning-reader"], Required("/api/planning/runs/{id}", "get"));
        Assert.Empty(Required("/api/stations/nearest", "get"));

        var docs = await _client.GetAsync("/docs");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("text/html", docs.Content.Headers.ContentType?.MediaType);
    }

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
