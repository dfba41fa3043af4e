using System.Net.Http.Json;
using StationMap.Integration.Tests.Infrastructure;

namespace StationMap.Integration.Tests.Api;

/// <summary>Retired stations never answer, on either path, down to an empty store.</summary>
public sealed class NearestEmptyStoreTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private static readonly string[] Queries =
    [
        "lat=39.9087&lon=116.3975&k=10",
        "lat=39.9087&lon=116.3975&k=100&kind=warm_station&openNow=true",
        "lat=-33.9&lon=151.2&k=5",
    ];

    [Fact]
    public async Task Retired_stations_never_answer_and_an_empty_store_answers_an_empty_list()
    {
        await using var memory = new StationMapFactory(database.ConnectionString);
        await using var databasePath = new StationMapFactory(database.ConnectionString, new Dictionary<string, string?> { ["Nearest:Path"] = "Database" });
        var memoryClient = memory.CreateClient();
        var databaseClient = databasePath.CreateClient();
        await NearestIndexProbe.WaitUntilCurrentAsync(memoryClient, database.DataSources.Write, TimeSpan.FromSeconds(30));
        Assert.NotEmpty((await NearestAsync(memoryClient, Queries[0])).Items);

        // Every station retired: the rows are still there, and no answer may contain one.
        await ExecuteAsync("UPDATE station SET retired_at = now()");
        await NearestIndexProbe.WaitUntilCurrentAsync(memoryClient, database.DataSources.Write, TimeSpan.FromSeconds(2));
        foreach (var query in Queries)
        {
            Assert.Empty((await NearestAsync(memoryClient, query)).Items);
            Assert.Empty((await NearestAsync(databaseClient, query)).Items);
        }
        Assert.Equal(0, (await NearestIndexProbe.ReportAsync(memoryClient)).GetProperty("stations").GetInt32());

        // No rows at all (and TRUNCATE announces itself like any other change); CASCADE: the check-in tables refer to stations.
        await ExecuteAsync("UPDATE station SET retired_at = NULL");
        await NearestIndexProbe.WaitUntilCurrentAsync(memoryClient, database.DataSources.Write, TimeSpan.FromSeconds(2));
        Assert.NotEmpty((await NearestAsync(memoryClient, Queries[0])).Items);
        await ExecuteAsync("TRUNCATE station CASCADE");
        await NearestIndexProbe.WaitUntilCurrentAsync(memoryClient, database.DataSources.Write, TimeSpan.FromSeconds(2));
        foreach (var query in Queries)
        {
            Assert.Empty((await NearestAsync(memoryClient, query)).Items);
            Assert.Empty((await NearestAsync(databaseClient, query)).Items);
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = database.DataSources.Write.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<NearestResponseDto> NearestAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/stations/nearest?{query}");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<NearestResponseDto>())!;
    }
}
