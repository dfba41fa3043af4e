using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StationMap.Domain.Geo;
using StationMap.Integration.Tests.Infrastructure;
using static StationMap.Integration.Tests.Planning.RandomPlanningData;

namespace StationMap.Integration.Tests.Planning;

/// <summary><c>GET /api/planning/coverage</c> against a brute force over every station with our own Vincenty geodesic.</summary>
public sealed class CoverageApiTests(DemoDatabase database) : DemoApiTests(database)
{
    [Theory]
    [InlineData(11, 400.0, "")]
    [InlineData(12, 750.0, "warm_station")]
    [InlineData(13, 250.0, "workers_home,checkpoint_rest_stop")]
    public async Task Coverage_equals_a_brute_force_on_random_data(int seed, double radius, string kind)
    {
        var layer = await InsertDemandAsync(Database.DataSources, seed, 400, 6000);
        await InsertStationsAsync(Database.DataSources, seed + 100, 60, 6000);
        var demand = await DemandAsync(Database.DataSources, layer);
        var kinds = kind.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var stations = (await StationsAsync(Database.DataSources)).Where(s => s.Open && (kinds.Length == 0 || kinds.Contains(s.Kind))).ToList();
        bool Covered(DemandRow d) => stations.Any(s => Geodesy.DistanceMeters(d.Lat, d.Lon, s.Lat, s.Lon) <= radius);

        var client = Client;
        var answer = await client.GetFromJsonAsync<JsonElement>($"/api/planning/coverage?layer={layer}&radiusM={radius}&kind={kind}&cellM=500");

        var total = demand.Sum(d => d.Weight);
        var covered = demand.Where(Covered).Sum(d => d.Weight);
        Assert.True(covered > 0 && covered < total, $"seed {seed}: the random case should be partly covered");
        Assert.Equal(total, answer.GetProperty("totalWeight").GetDouble(), 6);
        Assert.Equal(covered, answer.GetProperty("coveredWeight").GetDouble(), 6);
        Assert.Equal(covered / total, answer.GetProperty("share").GetDouble(), 9);
        Assert.Equal(demand.Count(Covered), answer.GetProperty("coveredPoints").GetInt32());

        var districts = answer.GetProperty("districts").EnumerateArray().ToDictionary(
            d => d.GetProperty("district").GetString()!, d => (d.GetProperty("totalWeight").GetDouble(), d.GetProperty("coveredWeight").GetDouble()));
        foreach (var group in demand.GroupBy(d => d.District ?? "(unknown)"))
        {
            Assert.Equal(group.Sum(d => d.Weight), districts[group.Key].Item1, 6);
            Assert.Equal(group.Where(Covered).Sum(d => d.Weight), districts[group.Key].Item2, 6);
        }

        var cells = answer.GetProperty("uncovered").GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(total - covered, cells.Sum(c => c.GetProperty("properties").GetProperty("weight").GetDouble()), 6);
        Assert.Equal(demand.Count(d => !Covered(d)), cells.Sum(c => c.GetProperty("properties").GetProperty("points").GetInt32()));
        Assert.All(cells, c => Assert.Equal("Polygon", c.GetProperty("geometry").GetProperty("type").GetString()));
    }

    [Theory]
    [InlineData("radiusM=500", "layer")]
    [InlineData("layer=no_such_layer", "layer")]
    [InlineData("layer=freight_drivers&radiusM=0", "radiusM")]
    [InlineData("layer=freight_drivers&radiusM=50000", "radiusM")]
    [InlineData("layer=freight_drivers&radiusM=abc", "radiusM")]
    [InlineData("layer=freight_drivers&kind=hotel", "kind")]
    [InlineData("layer=freight_drivers&cellM=5", "cellM")]
    [InlineData("layer=freight_drivers&cellM=1e9", "cellM")]
    public async Task Bad_parameters_are_400_problems_naming_the_parameter(string query, string parameter)
    {
        var client = Client;

        var response = await client.GetAsync($"/api/planning/coverage?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Theory]
    [InlineData("layer=freight_drivers&cellM=100")]
    [InlineData("layer=courier_riders&cellM=150&radiusM=5000")]
    public async Task Cells_too_small_for_the_layer_are_refused_naming_cellM(string query)
    {
        var response = await Client.GetAsync($"/api/planning/coverage?{query}");

        await Problems.AssertNamesFieldAsync(response, HttpStatusCode.UnprocessableEntity, "cellM");
    }

    [Fact]
    public async Task Every_bad_parameter_is_named_at_once()
    {
        var client = Client;

        var response = await client.GetAsync("/api/planning/coverage?layer=nope&radiusM=-1&kind=x&cellM=0");
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["cellM", "kind", "layer", "radiusM"], errors.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task The_demo_layers_are_listed_and_partly_covered()
    {
        var client = Client;

        var layers = await client.GetFromJsonAsync<JsonElement>("/api/planning/layers");
        var names = layers.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("name").GetString()).ToList();
        Assert.Contains("freight_drivers", names);
        Assert.Contains("courier_riders", names);

        var coverage = await client.GetFromJsonAsync<JsonElement>("/api/planning/coverage?layer=freight_drivers&radiusM=1000");
        Assert.Equal(16_136, coverage.GetProperty("totalWeight").GetDouble());
        var share = coverage.GetProperty("share").GetDouble();
        Assert.InRange(share, 0.01, 0.99);
    }
}
