using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StationMap.Api.Planning;
using StationMap.Integration.Tests.Infrastructure;
using StationMap.Store.Operators;

namespace StationMap.Integration.Tests.Ogc;

/// <summary>
/// OGC API – Features over the demo data, through the real API: what each document holds, paging forward and back,
/// filters and boxes against the store's own SQL, CGCS2000 against CRS84, the planners' collections behind their key,
/// HTML for browsers, and every refusal a problem naming the parameter.
/// </summary>
public sealed class OgcFeaturesTests(DemoDatabase database) : DemoApiTests(database)
{
    private const string Items = "/ogc/collections/stations/items";

    private string _plannerKey = "";
    private string _operatorKey = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var keys = Factory.Services.GetRequiredService<OperatorKeys>();
        _plannerKey = await keys.CreateAsync("ogc-planner", "planner", CancellationToken.None);
        _operatorKey = await keys.CreateAsync("ogc-operator", "operator", CancellationToken.None);
        await IndexCurrentAsync();
    }

    [Fact]
    public async Task The_landing_page_links_the_definition_the_conformance_and_the_collections()
    {
        var landing = await OgcClient.GetJsonAsync(Client, "/ogc");
        Assert.Equal("http://localhost/ogc/api", OgcClient.Link(landing, "service-desc", "application/vnd.oai.openapi+json;version=3.0"));
        Assert.Equal("http://localhost/ogc/conformance", OgcClient.Link(landing, "conformance"));
        Assert.Equal("http://localhost/ogc/collections", OgcClient.Link(landing, "data"));
        Assert.NotNull(OgcClient.Link(landing, "alternate", "text/html"));

        var conformance = await OgcClient.GetJsonAsync(Client, "/ogc/conformance");
        var classes = conformance.GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()).ToList();
        foreach (var part in new[] { "features-1/1.0/conf/core", "features-1/1.0/conf/geojson", "features-1/1.0/conf/html", "features-1/1.0/conf/oas30", "features-2/1.0/conf/crs" })
        {
            Assert.Contains($"http://www.opengis.net/spec/ogcapi-{part}", classes);
        }

        var api = await OgcClient.GetJsonAsync(Client, "/ogc/api");
        Assert.StartsWith("3.0.", api.GetProperty("openapi").GetString());
        Assert.True(api.GetProperty("paths").TryGetProperty("/collections/stations/items", out _));
    }

    [Fact]
    public async Task Anonymous_clients_see_the_public_collections_with_their_crs_and_extent()
    {
        var collections = await OgcClient.GetJsonAsync(Client, "/ogc/collections");
        var listed = collections.GetProperty("collections").EnumerateArray().ToList();
        Assert.Equal(["stations", "checkpoints"], listed.Select(c => c.GetProperty("id").GetString()));
        foreach (var collection in listed)
        {
            Assert.Equal([OgcClient.Crs84, OgcClient.Cgcs2000], collection.GetProperty("crs").EnumerateArray().Select(c => c.GetString()));
            Assert.Equal(OgcClient.Crs84, collection.GetProperty("storageCrs").GetString());
            Assert.Equal($"http://localhost/ogc/collections/{collection.GetProperty("id").GetString()}/items", OgcClient.Link(collection, "items", "application/geo+json"));
        }
        var box = listed[0].GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0].EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.Equal(await DoublesAsync(
            "SELECT min(ST_X(location)), min(ST_Y(location)), max(ST_X(location)), max(ST_Y(location)) FROM station WHERE retired_at IS NULL"), box);
    }

    [Fact]
    public async Task Every_live_station_is_read_once_across_pages_forward_and_back()
    {
        var live = await IdsAsync("SELECT id FROM station WHERE retired_at IS NULL ORDER BY id");

        var (forward, pages, matched) = await OgcClient.FollowAsync(Client, Items + "?limit=400");
        Assert.Equal(live, OgcClient.Ids(forward));
        Assert.Equal(live.Count, matched);
        Assert.Equal((live.Count + 399) / 400, pages);

        var last = await OgcClient.GetJsonAsync(Client, $"{Items}?limit=400&after={forward[^401].GetProperty("id").GetInt64()}");
        Assert.Null(OgcClient.Link(last, "next"));
        var (backward, _, _) = await OgcClient.FollowAsync(Client, OgcClient.Link(last, "prev")!, "prev");
        Assert.Equal(live, [.. OgcClient.Ids(backward), .. OgcClient.Ids(last.GetProperty("features").EnumerateArray())]);

        var first = await OgcClient.GetJsonAsync(Client, Items + "?limit=400");
        Assert.Null(OgcClient.Link(first, "prev"));
    }

    [Fact]
    public async Task A_retired_station_is_neither_listed_nor_found()
    {
        var retired = (await IdsAsync("SELECT id FROM station WHERE retired_at IS NULL ORDER BY id DESC LIMIT 1"))[0];
        await using (var command = Database.DataSources.Write.CreateCommand($"UPDATE station SET retired_at = now() WHERE id = {retired}"))
        {
            await command.ExecuteNonQueryAsync();
        }
        await IndexCurrentAsync();

        var (features, _, matched) = await OgcClient.FollowAsync(Client, Items + "?limit=5000");
        Assert.DoesNotContain(retired, OgcClient.Ids(features));
        Assert.Equal((await IdsAsync("SELECT id FROM station WHERE retired_at IS NULL")).Count, matched);
        await Problems.AssertNamesFieldAsync(await Client.GetAsync($"{Items}/{retired}"), HttpStatusCode.NotFound, "featureId");
    }

    public static TheoryData<string, string> Filters => new()
    {
        { "kind=workers_home", "kind = 'workers_home'" },
        { "kind=warm_station,checkpoint_rest_stop&district=房山区", "kind IN ('warm_station', 'checkpoint_rest_stop') AND district = '房山区'" },
        { "amenity=toilet,hot_water", "amenities @> ARRAY['toilet', 'hot_water']" },
        { "bbox=116.3,39.85,116.45,39.95", "ST_Intersects(location, ST_MakeEnvelope(116.3, 39.85, 116.45, 39.95, 4326))" },
        { "bbox=39.85,116.3,39.95,116.45&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4490&district=东城区",
            "ST_Intersects(location, ST_MakeEnvelope(116.3, 39.85, 116.45, 39.95, 4326)) AND district = '东城区'" },
        { "bbox=100,-90,-170,90", "TRUE" },
        { "bbox=170,-90,-170,90", "FALSE" },
        { "bbox=116.3,39.85,0,116.45,39.95,100", "ST_Intersects(location, ST_MakeEnvelope(116.3, 39.85, 116.45, 39.95, 4326))" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Filters_and_boxes_select_what_the_store_selects(string query, string where)
    {
        var expected = await IdsAsync($"SELECT id FROM station WHERE retired_at IS NULL AND {where} ORDER BY id");
        var (features, _, matched) = await OgcClient.FollowAsync(Client, $"{Items}?limit=1000&{query}");
        Assert.Equal(expected, OgcClient.Ids(features));
        Assert.Equal(expected.Count, matched);
    }

    [Fact]
    public async Task Cgcs2000_answers_differ_from_crs84_only_by_axis_order_and_crs_label()
    {
        using var crs84 = await Client.GetAsync(Items + "?limit=50&kind=workers_home");
        using var cgcs2000 = await Client.GetAsync($"{Items}?limit=50&kind=workers_home&crs={OgcClient.Cgcs2000}");
        Assert.Equal($"<{OgcClient.Crs84}>", crs84.Headers.GetValues("Content-Crs").Single());
        Assert.Equal($"<{OgcClient.Cgcs2000}>", cgcs2000.Headers.GetValues("Content-Crs").Single());
        var a = JsonDocument.Parse(await crs84.Content.ReadAsStringAsync()).RootElement.GetProperty("features").EnumerateArray().ToList();
        var b = JsonDocument.Parse(await cgcs2000.Content.ReadAsStringAsync()).RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(50, a.Count);
        Assert.Equal(OgcClient.Ids(a), OgcClient.Ids(b));
        for (var i = 0; i < a.Count; i++)
        {
            Assert.Equal(a[i].GetProperty("properties").GetRawText(), b[i].GetProperty("properties").GetRawText());
            var (lon, lat) = Coordinates(a[i]);
            Assert.Equal((lat, lon), Coordinates(b[i]));
        }

        // PROJ reads EPSG:4490 with the axis order its definition gives (latitude first) and takes it to CRS84.
        var file = Path.Combine(Path.GetTempPath(), $"ogc-cgcs2000-{Guid.NewGuid():N}.txt");
        await File.WriteAllLinesAsync(file, b.Select(f => string.Join(' ', f.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetRawText()))));
        try
        {
            var projected = (await ExternalTool.RunAsync("cs2cs", "proj-bin", "-f", "%.9f", "EPSG:4490", "OGC:CRS84", file))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)).ToList();
            Assert.Equal(a.Count, projected.Count);
            for (var i = 0; i < a.Count; i++)
            {
                var (lon, lat) = Coordinates(a[i]);
                Assert.Equal(lon, double.Parse(projected[i][0], CultureInfo.InvariantCulture), 1e-8);
                Assert.Equal(lat, double.Parse(projected[i][1], CultureInfo.InvariantCulture), 1e-8);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task One_station_is_the_store_row_with_links_in_the_crs_asked()
    {
        var id = (await IdsAsync("SELECT id FROM station WHERE retired_at IS NULL AND truck_parking_spaces > 0 ORDER BY id LIMIT 1"))[0];
        using var response = await Client.GetAsync($"{Items}/{id}?crs={OgcClient.Cgcs2000}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"<{OgcClient.Cgcs2000}>", response.Headers.GetValues("Content-Crs").Single());
        var feature = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(id, feature.GetProperty("id").GetInt64());
        var properties = feature.GetProperty("properties");
        await using var command = Database.DataSources.Write.CreateCommand(
            $"SELECT name, kind, district, ST_Y(location), ST_X(location), truck_parking_spaces FROM station WHERE id = {id}");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(reader.GetString(0), properties.GetProperty("name").GetString());
        Assert.Equal(reader.GetString(1), properties.GetProperty("kind").GetString());
        Assert.Equal(reader.GetString(2), properties.GetProperty("district").GetString());
        Assert.Equal((reader.GetDouble(3), reader.GetDouble(4)), Coordinates(feature));
        Assert.Equal(reader.GetInt32(5), properties.GetProperty("truckParkingSpaces").GetInt32());
        Assert.Equal("http://localhost/ogc/collections/stations", OgcClient.Link(feature, "collection"));
        Assert.NotNull(OgcClient.Link(feature, "self", "application/geo+json"));
    }

    public static TheoryData<string, string> BadRequests => new()
    {
        { "bbox=116,39,117", "bbox" },
        { "bbox=116,39,117,91", "bbox" },
        { "bbox=116,40,117,39", "bbox" },
        { "bbox=39,116,40,117,0", "bbox" },
        { "bbox=116,39,117,40&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4490", "bbox" },
        { "bbox-crs=EPSG:4490&bbox=39,116,40,117", "bbox-crs" },
        { "crs=http://www.opengis.net/def/crs/EPSG/0/4326", "crs" },
        { "limit=0", "limit" },
        { "limit=5001", "limit" },
        { "limit=ten", "limit" },
        { "after=1&before=9", "before" },
        { "f=xml", "f" },
        { "datetime=yesterday", "datetime" },
        { "kind=castle", "kind" },
        { "district=" + new string('区', 101), "district" },
        { "layer=freight_drivers", "layer" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_parameter_is_a_problem_naming_it(string query, string field) =>
        await Problems.AssertNamesFieldAsync(await Client.GetAsync($"{Items}?{query}"), HttpStatusCode.BadRequest, field);

    [Theory]
    [InlineData("/ogc/collections/bikes", "collectionId")]
    [InlineData("/ogc/collections/bikes/items", "collectionId")]
    [InlineData("/ogc/collections/planning-run-x/items", "collectionId")]
    [InlineData("/ogc/collections/stations/items/999999999", "featureId")]
    [InlineData("/ogc/collections/stations/items/one", "featureId")]
    [InlineData("/ogc/collections/checkpoints/items/999999999", "featureId")]
    public async Task An_unknown_collection_or_feature_is_a_404_naming_it(string path, string field) =>
        await Problems.AssertNamesFieldAsync(await Client.GetAsync(path), HttpStatusCode.NotFound, field);

    [Fact]
    public async Task The_planners_collections_need_a_planner_or_operator_key()
    {
        var run = await InsertRunAsync("succeeded");
        foreach (var collection in new[] { "demand", "candidates", $"planning-run-{run}" })
        {
            foreach (var path in new[] { "", "/items", "/items/1", "/queryables", "/schema" })
            {
                using var anonymous = await Client.GetAsync($"/ogc/collections/{collection}{path}");
                Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
                Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
                using var unknown = await OgcClient.SendAsync(Client, $"/ogc/collections/{collection}{path}", "smk_notakey");
                Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
            }
            foreach (var key in new[] { _plannerKey, _operatorKey })
            {
                using var keyed = await OgcClient.SendAsync(Client, $"/ogc/collections/{collection}/items?limit=2", key);
                Assert.Equal(HttpStatusCode.OK, keyed.StatusCode);
            }
        }
        var listed = await OgcClient.GetJsonAsync(Client, "/ogc/collections", _plannerKey);
        Assert.Equal(["stations", "checkpoints", "demand", "candidates"],
            listed.GetProperty("collections").EnumerateArray().Select(c => c.GetProperty("id").GetString()).Take(4));
        Assert.Contains(listed.GetProperty("collections").EnumerateArray(), c => c.GetProperty("id").GetString() == $"planning-run-{run}");
    }

    [Theory]
    [InlineData("demand", "", "SELECT id FROM demand_point ORDER BY id")]
    [InlineData("demand", "layer=freight_drivers", "SELECT id FROM demand_point WHERE layer = 'freight_drivers' ORDER BY id")]
    [InlineData("demand", "layer=courier_riders&bbox=116.2,39.8,116.5,40", "SELECT id FROM demand_point WHERE layer = 'courier_riders' AND ST_Intersects(location, ST_MakeEnvelope(116.2, 39.8, 116.5, 40, 4326)) ORDER BY id")]
    [InlineData("candidates", "hostType=petrol_station", "SELECT id FROM candidate_site WHERE host_type = 'petrol_station' ORDER BY id")]
    [InlineData("candidates", "district=朝阳区&hostType=bank_branch", "SELECT id FROM candidate_site WHERE district = '朝阳区' AND host_type = 'bank_branch' ORDER BY id")]
    [InlineData("checkpoints", "district=房山区", "SELECT id FROM checkpoint WHERE district = '房山区' ORDER BY id")]
    public async Task The_tables_are_paged_as_the_store_holds_them(string collection, string query, string sql)
    {
        var expected = await IdsAsync(sql);
        Assert.NotEmpty(expected);
        var (features, pages, matched) = await OgcClient.FollowAsync(Client, $"/ogc/collections/{collection}/items?limit=700&{query}", key: _plannerKey);
        Assert.Equal(expected, OgcClient.Ids(features));
        Assert.Equal(expected.Count, matched);
        Assert.Equal(Math.Max(1, (expected.Count + 699) / 700), pages);
    }

    [Fact]
    public async Task A_planning_run_is_a_collection_of_its_sites_by_rank()
    {
        var run = await InsertRunAsync("succeeded");
        var collection = $"/ogc/collections/planning-run-{run}";
        var description = await OgcClient.GetJsonAsync(Client, collection, _plannerKey);
        Assert.Equal($"planning-run-{run}", description.GetProperty("id").GetString());
        Assert.Contains("freight_drivers", description.GetProperty("description").GetString());

        var (features, _, matched) = await OgcClient.FollowAsync(Client, collection + "/items?limit=2", key: _plannerKey);
        Assert.Equal([1L, 2, 3], OgcClient.Ids(features));
        Assert.Equal(3, matched);
        var sites = await SitesAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(sites[i].Name, features[i].GetProperty("properties").GetProperty("name").GetString());
            Assert.Equal((sites[i].Lon, sites[i].Lat), Coordinates(features[i]));
        }
        var second = await OgcClient.GetJsonAsync(Client, collection + "/items/2", _plannerKey);
        Assert.Equal(sites[1].CandidateId, second.GetProperty("properties").GetProperty("candidateId").GetInt64());

        var queued = await InsertRunAsync("queued");
        using var notDone = await OgcClient.SendAsync(Client, $"/ogc/collections/planning-run-{queued}/items", _plannerKey);
        await Problems.AssertNamesFieldAsync(notDone, HttpStatusCode.NotFound, "collectionId");
        using var missing = await OgcClient.SendAsync(Client, "/ogc/collections/planning-run-987654", _plannerKey);
        await Problems.AssertNamesFieldAsync(missing, HttpStatusCode.NotFound, "collectionId");
    }

    [Theory]
    [InlineData("", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html")]
    [InlineData("", null, "application/geo+json")]
    [InlineData("", "application/json", "application/geo+json")]
    [InlineData("&f=json", "text/html", "application/geo+json")]
    [InlineData("&f=html", "application/json", "text/html")]
    public async Task Browsers_get_html_and_clients_json(string f, string? accept, string mediaType)
    {
        using var response = await OgcClient.SendAsync(Client, $"{Items}?limit=3{f}", accept: accept);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
        if (mediaType == "text/html")
        {
            var html = await response.Content.ReadAsStringAsync();
            Assert.StartsWith("<!DOCTYPE html><html lang=\"zh-CN\">", html);
            var name = (await TextsAsync("SELECT name FROM station WHERE retired_at IS NULL ORDER BY id LIMIT 1"))[0];
            Assert.Contains(System.Net.WebUtility.HtmlEncode(name), html);
            Assert.Contains("下一页 Next page", html);
            Assert.DoesNotContain("<script", html);
        }
        foreach (var path in new[] { "/ogc", "/ogc/conformance", "/ogc/collections", "/ogc/collections/stations", "/ogc/collections/stations/queryables" })
        {
            using var page = await OgcClient.SendAsync(Client, path + "?f=html");
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task The_queryables_are_the_filters_the_items_take()
    {
        using var response = await Client.GetAsync("/ogc/collections/stations/queryables");
        Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
        var schema = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.GetProperty("$schema").GetString());
        var names = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["kind", "district", "amenity"], names);
        Assert.Equal(["warm_station", "workers_home", "checkpoint_rest_stop"],
            schema.GetProperty("properties").GetProperty("kind").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));

        // Each one is a query parameter of the items in the OGC API's definition, after the items' own.
        var api = await OgcClient.GetJsonAsync(Client, "/ogc/api");
        var parameters = api.GetProperty("paths").GetProperty("/collections/stations/items").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(names, parameters.TakeLast(names.Count));
    }

    [Fact]
    public async Task The_feature_schema_types_what_the_features_hold()
    {
        var schema = await OgcClient.GetJsonAsync(Client, "/ogc/collections/stations/schema");
        var properties = schema.GetProperty("properties").GetProperty("properties").GetProperty("properties");
        Assert.Equal("integer", properties.GetProperty("truckParkingSpaces").GetProperty("type").GetString());
        Assert.Equal("number", properties.GetProperty("maxVehicleLengthM").GetProperty("type").GetString());
        Assert.Equal("boolean", properties.GetProperty("hazmatAllowed").GetProperty("type").GetString());
        Assert.Equal("array", properties.GetProperty("amenities").GetProperty("type").GetString());

        // Every property any station has is one the schema states, with a value of the stated type.
        var (features, _, _) = await OgcClient.FollowAsync(Client, Items + "?limit=5000");
        foreach (var property in features.SelectMany(f => f.GetProperty("properties").EnumerateObject()))
        {
            var type = properties.GetProperty(property.Name).GetProperty("type").GetString();
            Assert.Equal(type, property.Value.ValueKind switch
            {
                JsonValueKind.String => "string",
                JsonValueKind.Array => "array",
                JsonValueKind.True or JsonValueKind.False => "boolean",
                JsonValueKind.Number => type == "integer" ? "integer" : "number",
                var kind => kind.ToString(),
            });
        }
    }

    private static (double, double) Coordinates(JsonElement feature)
    {
        var c = feature.GetProperty("geometry").GetProperty("coordinates");
        return (c[0].GetDouble(), c[1].GetDouble());
    }

    private async Task IndexCurrentAsync()
    {
        await NearestIndexProbe.WaitUntilCurrentAsync(Client, Database.DataSources.Write, TimeSpan.FromSeconds(60));
    }

    private async Task<List<long>> IdsAsync(string sql)
    {
        await using var command = Database.DataSources.Write.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<long>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }
        return ids;
    }

    private async Task<List<string>> TextsAsync(string sql)
    {
        await using var command = Database.DataSources.Write.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var texts = new List<string>();
        while (await reader.ReadAsync())
        {
            texts.Add(reader.GetString(0));
        }
        return texts;
    }

    private async Task<List<double>> DoublesAsync(string sql)
    {
        await using var command = Database.DataSources.Write.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetDouble)];
    }

    // Three candidate sites of the demo, as a run would have ranked them.
    private async Task<List<SuggestedSiteResult>> SitesAsync()
    {
        await using var command = Database.DataSources.Write.CreateCommand(
            "SELECT id, external_id, name, host_type, capacity, district, address, ST_Y(location), ST_X(location) FROM candidate_site ORDER BY id LIMIT 3");
        await using var reader = await command.ExecuteReaderAsync();
        var sites = new List<SuggestedSiteResult>();
        while (await reader.ReadAsync())
        {
            sites.Add(new SuggestedSiteResult(
                sites.Count + 1, reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetDouble(7), reader.GetDouble(8), 30 - sites.Count * 10, 100 + sites.Count * 10));
        }
        return sites;
    }

    private async Task<long> InsertRunAsync(string status)
    {
        var sites = await SitesAsync();
        var result = new PlanningResult("greedy", "local_optimum", 60, 90, 0.33, 0, 200, 100, 160, 0.5, 0.8, 10, 5, 3, 12, 1, 1, sites);
        var parameters = new PlanningRunParameters("freight_drivers", 1000, 3, [], "greedy", 30);
        await using var command = Database.DataSources.Write.CreateCommand(
            "INSERT INTO planning_run (status, parameters, result, finished_at) VALUES (@status, @parameters::jsonb, @result::jsonb, now()) RETURNING id");
        command.Parameters.Add(new NpgsqlParameter<string>("status", status));
        command.Parameters.Add(new NpgsqlParameter<string>("parameters", JsonSerializer.Serialize(parameters, PlanningResult.Json)));
        command.Parameters.Add(new NpgsqlParameter("result", NpgsqlTypes.NpgsqlDbType.Text)
        {
            Value = status == "succeeded" ? JsonSerializer.Serialize(result, PlanningResult.Json) : DBNull.Value,
        });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
