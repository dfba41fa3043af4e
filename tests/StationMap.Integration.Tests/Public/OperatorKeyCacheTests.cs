using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using StationMap.Api.Security;
using StationMap.Integration.Tests.Infrastructure;
using StationMap.Store.Operators;

namespace StationMap.Integration.Tests.Public;

/// <summary>Key lookups are remembered, found or not, in bounded memory; an unknown key on a public read is just anonymous.</summary>
public sealed class OperatorKeyCacheTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private const string Nearest = "/api/stations/nearest?lat=39.9&lon=116.4&k=1";

    [Fact]
    public async Task A_flood_of_random_keys_is_answered_and_remembers_no_more_than_the_configured_entries()
    {
        await using var factory = new StationMapFactory(database.ConnectionString, new Dictionary<string, string?>
        {
            ["Security:KeyCache:Entries"] = "50",
        });
        var client = factory.CreateClient();
        var cache = factory.Services.GetRequiredService<OperatorKeyCache>();
        for (var i = 0; i < 300; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, Nearest);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "smk_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(20)));
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
            Assert.True(cache.Remembered <= 50, $"{cache.Remembered} keys remembered after {i + 1}");
        }
    }

    [Fact]
    public async Task A_real_key_is_looked_up_once_and_keeps_its_role()
    {
        await using var factory = new StationMapFactory(database.ConnectionString);
        var client = factory.CreateClient();
        var cache = factory.Services.GetRequiredService<OperatorKeyCache>();
        var key = await factory.Services.GetRequiredService<OperatorKeys>().CreateAsync("cache-planner", "planner", CancellationToken.None);
        var before = cache.DatabaseLookups;
        for (var i = 0; i < 5; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/planning/runs")
            {
                Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            // Past authentication and authorization: the empty body is what is refused.
            Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(request)).StatusCode);
        }
        Assert.Equal(before + 1, cache.DatabaseLookups);
    }
}
