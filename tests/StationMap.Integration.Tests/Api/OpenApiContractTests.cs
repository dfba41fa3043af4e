using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using StationMap.Api.Planning;
using StationMap.Api.Routes;
using StationMap.Integration.Tests.Infrastructure;

namespace StationMap.Integration.Tests.Api;

/// <summary>
/// What /openapi/v1.json promises API users: every query parameter an endpoint reads, typed, with its range and a
/// description, and a schema for every body, whose fields are the ones the API accepts.
/// </summary>
public sealed class OpenApiContractTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private StationMapFactory _factory = null!;
    private HttpClient _client = null!;
    private JsonElement _document;

    public async Task InitializeAsync()
    {
        _factory = new StationMapFactory(database.ConnectionString);
        _client = _factory.CreateClient();
        _document = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    public static TheoryData<string, string> QueryParameters => new()
    {
        { "/api/stations/nearest", "lat! lon! k kind amenity openNow maxDistanceM excludeReportedClosed truck vehicleLengthM hazmat" },
        { "/api/stations/search", "q! lat lon limit" },
        { "/api/stations", "bbox! kind amenity openNow limit after truck vehicleLengthM hazmat" },
        { "/api/stations/clusters", "bbox! zoom! kind" },
        { "/api/checkpoints/{id}/stops", "radiusM k truck vehicleLengthM hazmat" },
        { "/api/imports", "source limit" },
        { "/api/stations/{id}/visits", "from to" },
        { "/api/reports/visits", "month district" },
        { "/api/reports/visits.csv", "month district" },
        { "/api/reports/visits.xlsx", "month district" },
        { "/api/exports/stations.csv", "district kind source" },
        { "/api/exports/stations.xlsx", "district kind source" },
        { "/api/exports/stations.geojson", "district kind source" },
        { "/api/planning/coverage", "layer! radiusM kind cellM" },
        { "/tiles/stations/{z}/{x}/{y}.mvt", "kind amenity openNow crs truck vehicleLengthM hazmat" },
        { "/tiles/stations.json", "kind amenity openNow crs truck vehicleLengthM hazmat" },
        { "/ogc", "f" },
        { "/ogc/collections", "f" },
        { "/ogc/collections/stations/items", OgcItems + " kind district amenity" },
        { "/ogc/collections/checkpoints/items", OgcItems + " district" },
        { "/ogc/collections/demand/items", OgcItems + " layer district" },
        { "/ogc/collections/candidates/items", OgcItems + " hostType district" },
        { "/ogc/collections/planning-run-{runId}/items", OgcItems },
        { "/ogc/collections/stations/items/{featureId}", "crs f" },
    };

    private const string OgcItems = "bbox bbox-crs crs datetime limit after before f";

    [Theory]
    [MemberData(nameof(QueryParameters))]
    public void Every_query_parameter_is_listed_with_a_type_and_a_description(string path, string expected)
    {
        var parameters = Get(path).GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").ToList();
        var listed = parameters.Select(p => p.GetProperty("name").GetString() + (p.TryGetProperty("required", out var r) && r.GetBoolean() ? "!" : ""));
        Assert.Equal(expected.Split(' '), listed);
        foreach (var parameter in parameters)
        {
            var name = parameter.GetProperty("name").GetString();
            Assert.False(string.IsNullOrWhiteSpace(parameter.GetProperty("description").GetString()), $"{path} {name} has no description");
            var schema = parameter.GetProperty("schema");
            Assert.False(schema.TryGetProperty("$ref", out _), $"{path} {name} refers to a shared schema instead of stating its own");
            Assert.Contains(schema.GetProperty("type").GetString(), (string[])["number", "integer", "boolean", "string"]);
            Assert.False(schema.TryGetProperty("properties", out _), $"{path} {name} shows the members of a class");
        }
    }

    [Theory]
    [InlineData("/api/stations/nearest", "lat", -90.0, 90.0)]
    [InlineData("/api/stations/nearest", "k", 1.0, 100.0)]
    [InlineData("/api/stations/nearest", "vehicleLengthM", null, 30.0)]
    [InlineData("/api/stations/search", "lat", -90.0, 90.0)]
    [InlineData("/api/stations/search", "limit", 1.0, 50.0)]
    [InlineData("/api/stations", "limit", 1.0, 5000.0)]
    [InlineData("/api/stations/clusters", "zoom", 0.0, 22.0)]
    [InlineData("/api/checkpoints/{id}/stops", "radiusM", null, 100000.0)]
    [InlineData("/api/imports", "limit", 1.0, 500.0)]
    [InlineData("/ogc/collections/stations/items", "limit", 1.0, 5000.0)]
    [InlineData("/ogc/collections/demand/items", "limit", 1.0, 5000.0)]
    public void Numeric_parameters_state_the_range_the_API_enforces(string path, string name, double? minimum, double maximum)
    {
        var schema = Get(path).GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name).GetProperty("schema");
        Assert.Equal(maximum, schema.GetProperty("maximum").GetDouble());
        if (minimum is { } min)
        {
            Assert.Equal(min, schema.GetProperty("minimum").GetDouble());
        }
        else
        {
            Assert.Equal(0, schema.GetProperty("exclusiveMinimum").GetDouble());
        }
    }

    [Theory]
    [InlineData("/api/exports/stations.csv", "text/csv")]
    [InlineData("/api/exports/stations.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("/api/exports/stations.geojson", "application/geo+json")]
    public void The_exports_state_their_worst_case_and_what_they_answer(string path, string contentType)
    {
        var operation = Get(path);
        Assert.Contains("Worst case: all of 1,000,000 stations", operation.GetProperty("description").GetString(), StringComparison.Ordinal);
        var responses = operation.GetProperty("responses");
        Assert.True(responses.TryGetProperty("200", out var ok) && ok.TryGetProperty("content", out var content)
            && content.TryGetProperty(contentType, out _), $"{path}: {responses}");
        Assert.True(operation.TryGetProperty("security", out _), $"{path} names no key");
    }

    [Fact]
    public void Clusters_are_deprecated_in_favour_of_the_tiles()
    {
        var clusters = Get("/api/stations/clusters");
        Assert.True(clusters.GetProperty("deprecated").GetBoolean());
        Assert.Contains("/tiles/stations/{z}/{x}/{y}.mvt", clusters.GetProperty("description").GetString());
        Assert.False(Get("/api/stations").TryGetProperty("deprecated", out _));
    }

    [Fact]
    public async Task The_route_body_schema_lists_exactly_the_fields_the_API_accepts()
    {
        var schema = BodySchema("/api/routes/stops");
        Assert.Equal(RouteStopsRequest.Fields, schema.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["route"], schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));

        // The API's own list, as it tells a client that sent a field it does not know.
        var response = await _client.PostAsync("/api/routes/stops", new StringContent("""{"via": 1}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var reason = problem.GetProperty("errors").GetProperty("via")[0].GetString();
        Assert.EndsWith("expected any of " + string.Join(", ", schema.GetProperty("properties").EnumerateObject().Select(p => p.Name)), reason);
    }

    [Fact]
    public void The_planning_run_body_schema_lists_the_fields_of_the_request()
    {
        var schema = BodySchema("/api/planning/runs");
        Assert.Equal(PlanningRunRequest.Fields, schema.GetProperty("properties").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Every_operation_that_takes_a_body_has_a_schema_for_it()
    {
        var withBody = _document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(op => op.Name is "post" or "put" or "patch").Select(op => (path.Name, op.Value)))
            .ToList();
        Assert.NotEmpty(withBody);
        foreach (var (path, operation) in withBody)
        {
            if (!operation.TryGetProperty("requestBody", out var body))
            {
                // A POST without a body (refresh a source now, a moderation or a place decision) takes nothing to describe.
                Assert.Matches("^(/api/admin/sources/\\{name\\}/refresh|/api/moderation/\\{id\\}/(approve|reject|revert|block-device)"
                    + "|/api/places/review/\\{id\\}/(link|unlink)|/api/places/pairs/\\{a\\}/\\{b\\}/(link|unlink))$", path);
                continue;
            }
            Assert.True(body.GetProperty("content").GetProperty("application/json").TryGetProperty("schema", out _), $"{path} has a body without a schema");
        }
    }

    [Fact]
    public async Task The_ogc_definition_is_openapi_3_0_with_the_ogc_paths_relative_to_its_root()
    {
        using var response = await _client.GetAsync("/ogc/api");
        Assert.Equal("application/vnd.oai.openapi+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Content.Headers.ContentType!.Parameters, p => p.Name == "version" && p.Value == "3.0");
        var ogc = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("3.0.", ogc.GetProperty("openapi").GetString());
        Assert.Equal("/ogc", ogc.GetProperty("servers")[0].GetProperty("url").GetString());
        var relative = ogc.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order().ToList();
        var underOgc = _document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Where(p => p == "/ogc" || p.StartsWith("/ogc/", StringComparison.Ordinal))
            .Select(p => p == "/ogc" ? "/" : p["/ogc".Length..]).Order().ToList();
        Assert.Equal(underOgc, relative);
        foreach (var path in ogc.GetProperty("paths").EnumerateObject())
        {
            var operation = path.Value.GetProperty("get");
            Assert.Contains("Worst case", operation.GetProperty("description").GetString());
        }
        var limit = ogc.GetProperty("paths").GetProperty("/collections/stations/items").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "limit");
        Assert.Equal(5000, limit.GetProperty("schema").GetProperty("maximum").GetInt32());
        Assert.Contains("1,000 when absent", limit.GetProperty("description").GetString());
    }

    private JsonElement Get(string path) => _document.GetProperty("paths").GetProperty(path).GetProperty("get");

    private JsonElement BodySchema(string path)
    {
        var schema = _document.GetProperty("paths").GetProperty(path).GetProperty("post")
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        if (schema.TryGetProperty("$ref", out var reference))
        {
            schema = _document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        }
        return schema;
    }
}
