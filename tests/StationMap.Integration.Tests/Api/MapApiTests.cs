using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StationMap.Integration.Tests.Infrastructure;

namespace StationMap.Integration.Tests.Api;

/// <summary>What the web map asks for: grid clusters at low zoom, the basemap configuration, and the page's caching.</summary>
public sealed class MapApiTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private StationMapFactory _factory = null!;
    private HttpClient _client = null!;
    private IReadOnlyList<ReferenceStation> _all = [];

    public async Task InitializeAsync()
    {
        _factory = new StationMapFactory(database.ConnectionString, new Dictionary<string, string?>
        {
            ["Map:TileUrl"] = "https://tiles.example/{z}/{x}/{y}.png",
            ["Map:BasemapCrs"] = "gcj02",
        });
        _client = _factory.CreateClient();
        _all = await ReferenceStation.LoadAllAsync(database.DataSources.Read);
        // Clusters are answered from the in-memory index only (503 until it loads), which takes a while on a busy machine.
        await NearestIndexProbe.WaitUntilCurrentAsync(_client, database.DataSources.Read, TimeSpan.FromMinutes(2));
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData(115.40, 39.40, 117.50, 41.10, 5)]
    [InlineData(115.40, 39.40, 117.50, 41.10, 9)]
    [InlineData(116.30, 39.85, 116.45, 39.95, 12)]
    [InlineData(116.30, 39.85, 116.45, 39.95, 17)]
    public async Task Clusters_count_every_live_station_in_the_box_once(double minLon, double minLat, double maxLon, double maxLat, int zoom)
    {
        var response = await _client.GetAsync(
            $"/api/stations/clusters?bbox={F(minLon)},{F(minLat)},{F(maxLon)},{F(maxLat)}&zoom={zoom}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();

        var inside = _all.Where(s => !s.Retired && s.Lon >= minLon && s.Lon <= maxLon && s.Lat >= minLat && s.Lat <= maxLat).ToList();
        var counts = features.Select(f => f.GetProperty("properties").GetProperty("count").GetInt32()).ToList();
        Assert.Equal(inside.Count, counts.Sum());
        Assert.True(features.Count < inside.Count || zoom >= 12, "zoomed out, cells must hold several stations");
        foreach (var f in features)
        {
            var p = f.GetProperty("properties");
            Assert.Equal(p.GetProperty("count").GetInt32(),
                p.GetProperty("warm_station").GetInt32() + p.GetProperty("workers_home").GetInt32() + p.GetProperty("checkpoint_rest_stop").GetInt32());
            var id = p.GetProperty("stationId");
            Assert.Equal(p.GetProperty("count").GetInt32() == 1, id.ValueKind == JsonValueKind.Number);
            if (id.ValueKind == JsonValueKind.Number)
            {
                var station = inside.Single(s => s.Id == id.GetInt64());
                var at = f.GetProperty("geometry").GetProperty("coordinates");
                Assert.Equal(station.Lon, at[0].GetDouble(), 5);
                Assert.Equal(station.Lat, at[1].GetDouble(), 5);
            }
        }
    }

    [Theory]
    [InlineData("zoom=5", "bbox")]
    [InlineData("bbox=116,39,117,40", "zoom")]
    [InlineData("bbox=116,39,117,40&zoom=23", "zoom")]
    public async Task Clusters_name_the_bad_parameter(string query, string parameter)
    {
        var response = await _client.GetAsync($"/api/stations/clusters?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task Config_gives_the_configured_basemap()
    {
        var config = await _client.GetFromJsonAsync<JsonElement>("/api/config");

        Assert.Equal("https://tiles.example/{z}/{x}/{y}.png", config.GetProperty("tileUrl").GetString());
        Assert.Equal("gcj02", config.GetProperty("basemapCrs").GetString());
        Assert.Equal("© OpenStreetMap contributors", config.GetProperty("attribution").GetString());
        Assert.Equal(19, config.GetProperty("maxZoom").GetInt32());
    }

    [Fact]
    public async Task An_unknown_basemap_datum_stops_the_start()
    {
        await using var factory = new StationMapFactory(database.ConnectionString, new Dictionary<string, string?> { ["Map:BasemapCrs"] = "bd09" });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Map:BasemapCrs", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_is_revalidated_and_hashed_assets_are_immutable()
    {
        // Needs the built map client (scripts/map-client.sh, which test.sh runs first).
        var index = await _client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("no-cache", index.Headers.CacheControl?.ToString());
        var html = await index.Content.ReadAsStringAsync();
        var asset = System.Text.RegularExpressions.Regex.Match(html, "src=\"(/assets/[^\"]+)\"").Groups[1].Value;
        var script = await _client.GetAsync(asset);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", script.Headers.CacheControl?.ToString());
    }

    private static string F(double value) => value.ToString(CultureInfo.InvariantCulture);
}
