using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StationMap.Import;
using StationMap.Integration.Tests.Infrastructure;
using StationMap.Store.Operators;
using static StationMap.Integration.Tests.Import.ImportHarness;

namespace StationMap.Integration.Tests.Import;

/// <summary><c>GET /api/imports</c>: the history of runs for operators, and 400 problems that name the parameter at fault.</summary>
public sealed class ImportsApiTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task Lists_the_runs_of_a_source_newest_first_with_counts_and_status()
    {
        var source = NewSource("api");
        await ImportAsync(database.DataSources.Write, new ImportOptions { FilePath = Fixture("stations_zh.csv"), Source = source });
        await ImportAsync(database.DataSources.Write, new ImportOptions { FilePath = Fixture("bad_rows.csv"), Source = source });
        await using var factory = new StationMapFactory(database.ConnectionString);
        using var client = await OperatorClientAsync(factory);

        var runs = await client.GetFromJsonAsync<JsonElement>($"/api/imports?source={source}&limit=10");

        Assert.Equal(2, runs.GetArrayLength());
        Assert.Equal("partial", runs[0].GetProperty("status").GetString());
        Assert.Equal(10, runs[0].GetProperty("rowsRead").GetInt64());
        Assert.Equal(7, runs[0].GetProperty("rejected").GetInt64());
        Assert.Equal("succeeded", runs[1].GetProperty("status").GetString());
        Assert.Equal(4, runs[1].GetProperty("inserted").GetInt64());
        Assert.Equal("stations_zh.csv", runs[1].GetProperty("fileName").GetString());

        var one = await client.GetFromJsonAsync<JsonElement>($"/api/imports?source={source}&limit=1");
        Assert.Equal(1, one.GetArrayLength());
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("source=%20", "source")]
    public async Task Bad_parameters_are_400_problems_naming_the_parameter(string query, string parameter)
    {
        await using var factory = new StationMapFactory(database.ConnectionString);
        using var client = await OperatorClientAsync(factory);

        var response = await client.GetAsync($"/api/imports?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    // A failed run's error is the importer's own message, so the history is an operator's.
    private static async Task<HttpClient> OperatorClientAsync(StationMapFactory factory)
    {
        var key = await factory.Services.GetRequiredService<OperatorKeys>().CreateAsync("imports-api", "operator", CancellationToken.None);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
