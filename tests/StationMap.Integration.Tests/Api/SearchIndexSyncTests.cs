using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StationMap.Domain;
using StationMap.Integration.Tests.Infrastructure;
using StationMap.Store.Stations;

namespace StationMap.Integration.Tests.Api;

/// <summary>
/// Search answers from the same in-memory index as nearest: an imported station is found once the index has reloaded,
/// a retired one no longer is, and without a loaded index (the database path) search says to come back.
/// </summary>
public sealed class SearchIndexSyncTests(DemoDatabase database) : DemoApiTests(database)
{
    private static StationRecord Record(string externalId, string name) => new()
    {
        ExternalId = externalId, Kind = StationKind.WarmStation, Name = name, Address = "北京市东城区搜索测试胡同1号",
        District = "东城区", Lat = 39.91 + externalId.Length * 0.001, Lon = 116.40, OpeningHours = "24/7", Host = "北京市总工会搜索测试部",
    };

    private async Task RefreshAsync(string source, params StationRecord[] records)
    {
        await using (var connection = await Database.DataSources.Write.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await StationMerge.MergeAsync(connection, transaction, source, records, retireMissing: true, CancellationToken.None);
            await transaction.CommitAsync();
        }
        await NearestIndexProbe.WaitUntilCurrentAsync(Client, Database.DataSources.Write, TimeSpan.FromSeconds(30));
    }

    private async Task<List<string?>> NamesAsync(string query)
    {
        var answer = await Client.GetFromJsonAsync<JsonElement>("/api/stations/search?q=" + Uri.EscapeDataString(query) + "&limit=50");
        return [.. answer.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString())];
    }

    [Fact]
    public async Task An_imported_station_is_found_and_a_retired_one_no_longer()
    {
        var source = $"search-{Guid.NewGuid():N}"[..20];
        await NearestIndexProbe.WaitUntilCurrentAsync(Client, Database.DataSources.Write, TimeSpan.FromSeconds(30));
        Assert.Empty(await NamesAsync("搜索测试胡同"));

        await RefreshAsync(source, Record("a", "琉璃厂搜索测试 暖心驿站"), Record("bb", "琉璃厂搜索测试二号 暖心驿站"));
        Assert.Equal(["琉璃厂搜索测试 暖心驿站", "琉璃厂搜索测试二号 暖心驿站"], await NamesAsync("琉璃厂搜索测试"));
        Assert.Equal(2, (await NamesAsync("总工会搜索测试")).Count);

        await RefreshAsync(source, Record("bb", "琉璃厂搜索测试二号 暖心驿站"));
        Assert.Equal(["琉璃厂搜索测试二号 暖心驿站"], await NamesAsync("琉璃厂搜索测试"));
        Assert.Equal(["琉璃厂搜索测试二号 暖心驿站"], await NamesAsync("搜索测试胡同"));
    }

    [Fact]
    public async Task Without_a_loaded_index_search_answers_503_with_retry_after()
    {
        await using var factory = new StationMapFactory(Database.ConnectionString, new Dictionary<string, string?> { ["Nearest:Path"] = "Database" });
        var response = await factory.CreateClient().GetAsync("/api/stations/search?q=%E9%A9%BF%E7%AB%99");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
    }
}
