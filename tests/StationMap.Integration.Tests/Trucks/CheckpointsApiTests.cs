using System.Net;
using System.Text.Json;
using StationMap.DemoData;
using StationMap.Integration.Tests.Infrastructure;

namespace StationMap.Integration.Tests.Trucks;

/// <summary>/api/checkpoints: the demo's nine Fangshan checkpoints as GeoJSON, one by id, 404 for none.</summary>
public sealed class CheckpointsApiTests(DemoDatabase database) : DemoApiTests(database)
{
    [Fact]
    public async Task The_list_is_a_feature_collection_of_every_checkpoint()
    {
        var response = await Client.GetAsync("/api/checkpoints");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("FeatureCollection", json.RootElement.GetProperty("type").GetString());
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        var demo = BeijingDemo.Checkpoints();
        Assert.Equal(demo.Count, features.Count);
        foreach (var checkpoint in demo)
        {
            var feature = Assert.Single(features, f => f.GetProperty("properties").GetProperty("name").GetString() == checkpoint.Name);
            Assert.Equal("Feature", feature.GetProperty("type").GetString());
            Assert.Equal("Point", feature.GetProperty("geometry").GetProperty("type").GetString());
            Assert.Equal(checkpoint.Lon, feature.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble());
            Assert.Equal(checkpoint.Lat, feature.GetProperty("geometry").GetProperty("coordinates")[1].GetDouble());
            Assert.Equal(checkpoint.Road, feature.GetProperty("properties").GetProperty("road").GetString());
        }
    }

    [Fact]
    public async Task One_checkpoint_by_id_and_a_problem_for_a_missing_one()
    {
        using var list = JsonDocument.Parse(await Client.GetStringAsync("/api/checkpoints"));
        var id = list.RootElement.GetProperty("features")[0].GetProperty("id").GetInt64();
        using var one = JsonDocument.Parse(await Client.GetStringAsync($"/api/checkpoints/{id}"));
        Assert.Equal(id, one.RootElement.GetProperty("id").GetInt64());
        Assert.Equal(DemoLoader.DemoSource, one.RootElement.GetProperty("source").GetString());
        Assert.StartsWith("fs-cp-", one.RootElement.GetProperty("externalId").GetString());

        foreach (var url in new[] { "/api/checkpoints/987654321", "/api/checkpoints/987654321/stops" })
        {
            var missing = await Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
            Assert.Contains("987654321", await missing.Content.ReadAsStringAsync());
        }
    }
}
