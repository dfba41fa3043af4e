using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StationMap.Integration.Tests.Infrastructure;

namespace StationMap.Integration.Tests.Public;

/// <summary>Liveness asks nothing of the database; readiness is Healthy with the database and the nearest index; /healthz is as before.</summary>
public sealed class HealthTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Theory]
    [InlineData("Memory")]
    [InlineData("Database")]
    public async Task With_the_database_up_live_and_ready_are_healthy_and_healthz_reports_as_before(string nearestPath)
    {
        await using var factory = new StationMapFactory(database.ConnectionString, new Dictionary<string, string?> { ["Nearest:Path"] = nearestPath });
        var client = factory.CreateClient();
        if (nearestPath == "Memory")
        {
            await NearestIndexProbe.WaitUntilCurrentAsync(client, database.DataSources.Write, TimeSpan.FromSeconds(30));
        }

        var live = await client.GetAsync("/healthz/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", (await live.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        var ready = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        Assert.Equal("up", report.GetProperty("database").GetString());
        Assert.Equal(nearestPath.ToLowerInvariant(), report.GetProperty("nearest").GetProperty("path").GetString());

        var healthz = await client.GetFromJsonAsync<JsonElement>("/healthz");
        Assert.Equal("ok", healthz.GetProperty("status").GetString());
        Assert.True(healthz.GetProperty("liveStations").GetInt64() > 0);
    }
}
