using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StationMap.Domain;
using StationMap.Domain.Geo;
using StationMap.Domain.Tiles;
using StationMap.Integration.Tests.Api;
using StationMap.Integration.Tests.Infrastructure;
using StationMap.Tests.Tiles;

namespace StationMap.Integration.Tests.Tiles;

/// <summary>
/// <c>/tiles/stations/{z}/{x}/{y}.mvt</c> and <c>/tiles/stations.json</c> on the Beijing demo data: GDAL reads the tiles
/// as we do, counts add up over tile pyramids, the filters pass what nearest passes, caching headers and 304s.
/// </summary>
public sealed class StationTilesApiTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private const double WebMercatorRadius = 6378137;

    private StationMapFactory _factory = null!;
    private HttpClient _client = null!;
    private IReadOnlyList<ReferenceStation> _live = [];

    public async Task InitializeAsync()
    {
        _factory = new StationMapFactory(database.ConnectionString);
        _client = _factory.CreateClient();
        _live = [.. (await ReferenceStation.LoadAllAsync(database.DataSources.Read)).Where(s => !s.Retired)];
        await NearestIndexProbe.WaitUntilCurrentAsync(_client, database.DataSources.Write, TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Gdal_reads_a_station_tile_with_the_features_properties_and_points_we_wrote()
    {
        // The z14 tile holding the most demo stations, written where the MVT driver finds z/x/y in the path.
        var tile = _live.GroupBy(s => TileGrid.TileOf(s.Lat, s.Lon, StationTiles.StationsFromZoom)).MaxBy(g => g.Count())!.Key;
        var fetched = await TileClient.GetAsync(_client, tile);
        var directory = Directory.CreateTempSubdirectory("stationmap-mvt-");
        try
        {
            var path = Path.Combine(directory.FullName, $"{tile.Z}", $"{tile.X}", $"{tile.Y}.pbf");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, fetched.Bytes);
            var gdal = await Ogrinfo.ReadAsync(path);

            var inTile = _live.Where(s => TileGrid.TileOf(s.Lat, s.Lon, tile.Z) == tile).ToDictionary(s => s.Id);
            Assert.True(inTile.Count >= 5, $"only {inTile.Count} stations in {tile}");
            Assert.Equal(inTile.Count, fetched.Stations.Count);
            Assert.Equal(inTile.Count, gdal.FeatureCounts[StationTileEncoder.StationsLayer]);
            Assert.False(gdal.FeatureCounts.ContainsKey(StationTileEncoder.ClustersLayer));
            var ours = fetched.Stations.ToDictionary(f => f.Long("id"));
            foreach (var feature in gdal.Features)
            {
                var id = long.Parse(feature.Fields["id"], CultureInfo.InvariantCulture);
                Assert.Equal(id.ToString(CultureInfo.InvariantCulture), feature.Fields["mvt_id"]);
                var station = inTile[id];
                var decoded = ours[id];
                Assert.Equal(station.Kind.ToWire(), feature.Fields["kind"]);
                Assert.Equal(decoded.Properties["kind"], feature.Fields["kind"]);
                Assert.Equal((bool)decoded.Properties["truck"] ? "1" : "0", feature.Fields["truck"]);
                Assert.Equal((bool)decoded.Properties["hazmat"] ? "1" : "0", feature.Fields["hazmat"]);
                if (decoded.Properties.TryGetValue("maxVehicleLengthM", out var length))
                {
                    Assert.Equal((double)length, double.Parse(feature.Fields["maxVehicleLengthM"], CultureInfo.InvariantCulture));
                }
                // Within a tile unit of where the station is (0.6 m at z14, less where the latitude shrinks the tile).
                var (x, y) = Mercator(station.Lat, station.Lon);
                Assert.InRange(feature.X, x - 1, x + 1);
                Assert.InRange(feature.Y, y - 1, y + 1);
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Gdal_reads_a_cluster_tile_with_the_counts_we_wrote()
    {
        var tile = TileGrid.TileOf(39.9087, 116.3975, 9);
        var fetched = await TileClient.GetAsync(_client, tile);
        var path = Path.Combine(Path.GetTempPath(), $"stationmap-{Guid.NewGuid():N}.mvt");
        try
        {
            await File.WriteAllBytesAsync(path, fetched.Bytes);
            var gdal = await Ogrinfo.ReadAsync(path, $"Z={tile.Z}", $"X={tile.X}", $"Y={tile.Y}");
            Assert.True(fetched.Clusters.Count > 5, $"{fetched.Clusters.Count} clusters");
            Assert.Equal(fetched.Clusters.Count, gdal.FeatureCounts[StationTileEncoder.ClustersLayer]);
            Assert.Equal(fetched.Stations.Count, gdal.FeatureCounts.GetValueOrDefault(StationTileEncoder.StationsLayer));
            var clusters = gdal.Features.Where(f => f.Layer == StationTileEncoder.ClustersLayer).ToList();
            foreach (var key in StationTileEncoder.ClusterKeys)
            {
                Assert.Equal(
                    fetched.Clusters.Sum(c => c.Long(key)),
                    clusters.Sum(c => long.Parse(c.Fields[key], CultureInfo.InvariantCulture)));
            }
            var inTile = _live.Count(s => TileGrid.TileOf(s.Lat, s.Lon, tile.Z) == tile);
            Assert.Equal(inTile, clusters.Sum(c => long.Parse(c.Fields["count"], CultureInfo.InvariantCulture)) + fetched.Stations.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("kind=workers_home,checkpoint_rest_stop")]
    [InlineData("amenity=toilet&openNow=true")]
    public async Task Over_the_tiles_covering_the_data_every_zoom_counts_every_passing_station_once(string query)
    {
        var expected = PassingIds(query);
        var (west, south, east, north) = (115.4, 39.4, 117.5, 41.1);
        Assert.True(_live.All(s => s.Lon > west && s.Lon < east && s.Lat > south && s.Lat < north));
        // Low-zoom tiles are kept once built: other filters' tiles must not answer for this one.
        foreach (var other in new[] { "", "kind=checkpoint_rest_stop", "openNow=true" })
        {
            foreach (var tile in TileClient.Covering(west, south, east, north, 6))
            {
                await TileClient.GetAsync(_client, tile, other);
            }
        }
        for (var z = 0; z <= 11; z++)
        {
            var tiles = TileClient.Covering(west, south, east, north, z).ToList();
            long count = 0;
            var ids = new List<long>();
            foreach (var tile in tiles)
            {
                var fetched = await TileClient.GetAsync(_client, tile, query);
                count += fetched.Count;
                ids.AddRange(fetched.StationIds);
            }
            Assert.True(expected.Count == count, $"z{z} ({tiles.Count} tiles, '{query}'): {count} counted, {expected.Count} pass");
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.Subset(expected.ToHashSet(), ids.ToHashSet());
        }
    }

    [Theory]
    [InlineData("", 3000)]
    [InlineData("kind=warm_station", 3000)]
    [InlineData("amenity=hot_water,phone_charging", 3000)]
    [InlineData("openNow=true", 3000)]
    [InlineData("openNow=true&kind=workers_home&amenity=toilet", 3000)]
    [InlineData("truck=true", 15000)]
    [InlineData("truck=true&vehicleLengthM=17&hazmat=true", 15000)]
    public async Task Tiles_pass_exactly_the_stations_nearest_passes_with_the_same_filters(string query, double radius)
    {
        var random = new Random(query.Length);
        var compared = 0;
        var truck = query.Contains("truck", StringComparison.Ordinal);
        for (var i = 0; i < (truck ? 3 : 12); i++)
        {
            // The 100 nearest within the radius against every station of the z14 tiles over that circle, nearer than the
            // 100th (or within the radius when fewer pass): around demo stations, or Fangshan's checkpoints for trucks.
            var station = _live[random.Next(_live.Count)];
            var anchor = truck ? (Lat: 39.73, Lon: 116.14) : (station.Lat, station.Lon);
            var origin = (Lat: anchor.Lat + (random.NextDouble() - 0.5) * 0.01, Lon: anchor.Lon + (random.NextDouble() - 0.5) * 0.01);
            var nearest = await _client.GetFromJsonAsync<NearestResponseDto>(string.Create(CultureInfo.InvariantCulture,
                $"/api/stations/nearest?lat={origin.Lat:R}&lon={origin.Lon:R}&k=100&maxDistanceM={radius}{(query.Length > 0 ? "&" + query : "")}"));
            var byId = _live.ToDictionary(s => s.Id);
            double Distance(long id) => Geodesy.DistanceMeters(origin.Lat, origin.Lon, byId[id].Lat, byId[id].Lon);
            var full = nearest!.Items.Count == 100;
            var bound = full ? Distance(nearest.Items[^1].Id) : radius;
            bool Inside(long id) => full ? Distance(id) < bound : Distance(id) <= bound;

            var fromNearest = nearest.Items.Select(item => item.Id).Where(Inside).Order().ToList();
            var (dLat, dLon) = (radius / 111_000 * 1.1, radius / 111_000 / Math.Cos(origin.Lat * Math.PI / 180) * 1.1);
            var fromTiles = new List<long>();
            foreach (var tile in TileClient.Covering(origin.Lon - dLon, origin.Lat - dLat, origin.Lon + dLon, origin.Lat + dLat, StationTiles.StationsFromZoom))
            {
                fromTiles.AddRange((await TileClient.GetAsync(_client, tile, query)).StationIds.Where(Inside));
            }
            Assert.Equal(fromNearest, fromTiles.Order().ToList());
            compared += fromNearest.Count;
        }
        Assert.True(compared > 0, "no station passed in any comparison");
    }

    [Fact]
    public async Task A_tile_has_an_etag_from_the_data_version_and_a_match_is_answered_304()
    {
        var version = await NearestIndexProbe.StoreVersionAsync(database.DataSources.Write);
        var tile = TileGrid.TileOf(39.9087, 116.3975, 12);
        using var response = await _client.GetAsync(TileClient.Path(tile));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"W/\"t1-v{version}\"", response.Headers.ETag?.ToString());
        Assert.Equal("public, max-age=60", response.Headers.CacheControl?.ToString());
        Assert.Equal(version.ToString(CultureInfo.InvariantCulture), response.Headers.GetValues("X-Data-Version").Single());

        var again = await TileClient.GetAsync(_client, tile, ifNoneMatch: $"W/\"t1-v{version}\"");
        Assert.Equal(HttpStatusCode.NotModified, again.Status);
        Assert.Empty(again.Bytes);
        // A strong spelling of the same tag matches too (weak comparison), and so does *; another version does not.
        Assert.Equal(HttpStatusCode.NotModified, (await TileClient.GetAsync(_client, tile, ifNoneMatch: $"\"t1-v{version}\"")).Status);
        Assert.Equal(HttpStatusCode.NotModified, (await TileClient.GetAsync(_client, tile, ifNoneMatch: "*")).Status);
        Assert.Equal(HttpStatusCode.OK, (await TileClient.GetAsync(_client, tile, ifNoneMatch: $"W/\"t1-v{version - 1}\"")).Status);

        // Filters are named too: a tag carried over from another filter's tile (as MapLibre does on a reload) is no match.
        var filtered = await TileClient.GetAsync(_client, tile, "kind=workers_home", ifNoneMatch: $"W/\"t1-v{version}\"");
        Assert.Equal(HttpStatusCode.OK, filtered.Status);
        Assert.Matches($"^W/\"t1-v{version}-f[0-9a-f]{{8}}\"$", filtered.ETag);
        var respelled = await TileClient.GetAsync(_client, tile, "kind=workers_home,workers_home", ifNoneMatch: filtered.ETag);
        Assert.Equal(HttpStatusCode.NotModified, respelled.Status);
        var other = await TileClient.GetAsync(_client, tile, "kind=warm_station", ifNoneMatch: filtered.ETag);
        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.NotEqual(filtered.ETag, other.ETag);

        // The same for the TileJSON.
        using var tileJson = await _client.GetAsync("/tiles/stations.json");
        Assert.Equal($"W/\"t1-v{version}\"", tileJson.Headers.ETag?.ToString());
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/tiles/stations.json");
        conditional.Headers.TryAddWithoutValidation("If-None-Match", $"W/\"t1-v{version}\"");
        Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(conditional)).StatusCode);
    }

    [Fact]
    public async Task With_open_now_the_etag_names_the_minute_and_the_tile_is_kept_only_until_it_ends()
    {
        var version = await NearestIndexProbe.StoreVersionAsync(database.DataSources.Write);
        // A zoom the server keeps built tiles of (per minute with open now), and one it builds every time.
        foreach (var z in new[] { 8, 10 })
        {
            await AssertOpenNowCachingAsync(version, TileGrid.TileOf(39.9087, 116.3975, z));
        }
    }

    private async Task AssertOpenNowCachingAsync(long version, TileId tile)
    {
        // 10:00:45 in Beijing: 15 s of the minute left.
        var now = new DateTimeOffset(2026, 11, 24, 2, 0, 45, TimeSpan.Zero);
        _factory.Time.SetUtcNow(now);
        try
        {
            using var response = await _client.GetAsync(TileClient.Path(tile, "openNow=true"));
            var minute = now.ToUnixTimeSeconds() / 60;
            Assert.Matches($"^W/\"t1-v{version}-f[0-9a-f]{{8}}-m{minute}\"$", response.Headers.ETag?.ToString());
            Assert.Equal("public, max-age=15", response.Headers.CacheControl?.ToString());
            var etag = response.Headers.ETag!.ToString();
            Assert.Equal(HttpStatusCode.NotModified, (await TileClient.GetAsync(_client, tile, "openNow=true", etag)).Status);

            // At 18:00, when the Mo-Fr 09:00-18:00 stations close, the old tag no longer matches and fewer stations pass.
            var open = await TileClient.GetAsync(_client, tile, "openNow=true");
            _factory.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
            var later = await TileClient.GetAsync(_client, tile, "openNow=true", etag);
            Assert.Equal(HttpStatusCode.OK, later.Status);
            Assert.NotEqual(etag, later.ETag);
            Assert.True(later.Count < open.Count, $"{later.Count} open at 18:00, {open.Count} at 10:00");
        }
        finally
        {
            _factory.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));
        }
    }

    [Fact]
    public async Task The_tilejson_points_at_the_tiles_with_the_filters_in_one_spelling()
    {
        var json = await _client.GetFromJsonAsync<JsonElement>("/tiles/stations.json?openNow=yes&kind=workers_home,warm_station,warm_station&amenity=toilet,drinking_water&truck=1&vehicleLengthM=17.50");
        Assert.Equal("3.0.0", json.GetProperty("tilejson").GetString());
        Assert.Equal(
            "http://localhost/tiles/stations/{z}/{x}/{y}.mvt?kind=warm_station,workers_home&amenity=drinking_water,toilet&truck=true&vehicleLengthM=17.5&openNow=true",
            json.GetProperty("tiles")[0].GetString());
        Assert.Equal((0, StationTiles.StationsFromZoom), (json.GetProperty("minzoom").GetInt32(), json.GetProperty("maxzoom").GetInt32()));
        var bounds = json.GetProperty("bounds").EnumerateArray().Select(b => b.GetDouble()).ToArray();
        Assert.Equal(Math.Round(_live.Min(s => s.Lon), 6), bounds[0]);
        Assert.Equal(Math.Round(_live.Max(s => s.Lat), 6), bounds[3]);
        var layers = json.GetProperty("vector_layers").EnumerateArray().ToDictionary(l => l.GetProperty("id").GetString()!);
        Assert.Equal(StationTileEncoder.ClusterKeys, layers["clusters"].GetProperty("fields").EnumerateObject().Select(f => f.Name));
        Assert.Equal(StationTileEncoder.StationKeys, layers["stations"].GetProperty("fields").EnumerateObject().Select(f => f.Name));

        var plain = await _client.GetFromJsonAsync<JsonElement>("/tiles/stations.json");
        Assert.Equal("http://localhost/tiles/stations/{z}/{x}/{y}.mvt", plain.GetProperty("tiles")[0].GetString());
    }

    [Theory]
    [InlineData("/tiles/stations/23/0/0.mvt", "z")]
    [InlineData("/tiles/stations/-1/0/0.mvt", "z")]
    [InlineData("/tiles/stations/3/8/0.mvt", "x")]
    [InlineData("/tiles/stations/3/0/-1.mvt", "y")]
    [InlineData("/tiles/stations/3/0/0.mvt?kind=palace", "kind")]
    [InlineData("/tiles/stations/3/0/0.mvt?vehicleLengthM=31", "vehicleLengthM")]
    [InlineData("/tiles/stations.json?openNow=maybe", "openNow")]
    public async Task A_tile_outside_the_grid_or_a_bad_filter_is_a_400_naming_it(string path, string field)
    {
        using var response = await _client.GetAsync(path);
        await Problems.AssertNamesFieldAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Tiles_are_compressed_for_clients_that_accept_it()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, TileClient.Path(TileGrid.TileOf(39.9087, 116.3975, 8)));
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var response = await _client.SendAsync(request);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
    }

    [Fact]
    public async Task Without_the_in_memory_index_there_are_no_tiles_but_a_503_to_retry()
    {
        await using var factory = new StationMapFactory(database.ConnectionString, new Dictionary<string, string?> { ["Nearest:Path"] = "Database" });
        using var response = await factory.CreateClient().GetAsync("/tiles/stations/0/0/0.mvt");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("1", response.Headers.GetValues("Retry-After").Single());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    // The ids of every live station passing the filters, by the reference rules on the rows read from the table.
    private List<long> PassingIds(string query)
    {
        var now = _factory.Time.GetUtcNow();
        var kinds = Param(query, "kind")?.Split(',').Select(k => { StationKinds.TryParse(k, out var kind); return kind; }).ToHashSet();
        var amenities = Param(query, "amenity") is { } a ? Amenities.FromWire(a.Split(',')) : Amenity.None;
        var openNow = Param(query, "openNow") == "true";
        return [.. _live
            .Where(s => (kinds is null || kinds.Contains(s.Kind)) && s.Amenities.HasAll(amenities) && (!openNow || s.IsOpenAt(now)))
            .Select(s => s.Id)];
    }

    private static string? Param(string query, string name) =>
        query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).Where(p => p[0] == name).Select(p => p[1]).FirstOrDefault();

    private static (double X, double Y) Mercator(double lat, double lon) =>
        (WebMercatorRadius * lon * Math.PI / 180, WebMercatorRadius * Math.Log(Math.Tan(Math.PI / 4 + lat * Math.PI / 360)));
}
