using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using StationMap.Browser.Tests.Infrastructure;

namespace StationMap.Browser.Tests;

/// <summary>Truck mode on the map page: the lists it shows are the API's answers, in the API's order.</summary>
public sealed class TruckModeTests(MapSite site) : IClassFixture<MapSite>
{
    [Fact]
    public async Task A_checkpoint_lists_the_truck_stops_that_fit_nearest_first()
    {
        var page = await site.OpenAsync();
        await page.ClickAsync("#truck-toggle");
        await page.WaitForSelectorAsync("#truck-checkpoint option", new() { State = WaitForSelectorState.Attached });
        var checkpoint = await page.InputValueAsync("#truck-checkpoint");
        await SetLengthAsync(page, "18");
        await page.CheckAsync("#truck-hazmat");

        await page.RunAndWaitForResponseAsync(
            () => page.ClickAsync("#truck-checkpoint-stops"), r => r.Url.Contains("/stops?", StringComparison.Ordinal));
        await page.WaitForSelectorAsync("#truck-stops button.station");

        var expected = await site.Api.GetFromJsonAsync<JsonElement>($"/api/checkpoints/{checkpoint}/stops?k=10&vehicleLengthM=18&hazmat=true");
        var ids = expected.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToArray();
        Assert.NotEmpty(ids);
        Assert.Equal(ids, await ListedIdsAsync(page));
        await MapSite.ScreenshotAsync(page, "truck-checkpoint");
    }

    [Fact]
    public async Task A_pasted_route_lists_its_stops_in_the_order_they_come()
    {
        var route = await File.ReadAllTextAsync(Path.Combine(MapSite.RepositoryRoot, "importer", "StationMap.DemoData", "fangshan-route.geojson"));
        var page = await site.OpenAsync();
        await page.ClickAsync("#truck-toggle");
        await page.FillAsync("#truck-route", route);
        await page.FillAsync("#truck-corridor", "2000");
        await page.Locator("#truck-corridor").DispatchEventAsync("change");

        await page.RunAndWaitForResponseAsync(
            () => page.ClickAsync("#truck-route-stops"), r => r.Url.EndsWith("/api/routes/stops", StringComparison.Ordinal));
        await page.WaitForSelectorAsync("#truck-stops button.station");

        var body = $$"""{"route": {{route}}, "corridorM": 2000, "truck": true, "hazmat": false}""";
        var response = await site.Api.PostAsync("/api/routes/stops", new StringContent(body, Encoding.UTF8, "application/json"));
        var expected = await response.Content.ReadFromJsonAsync<JsonElement>();
        var ids = expected.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToArray();
        Assert.True(ids.Length >= 3);
        Assert.Equal(ids, await ListedIdsAsync(page));
        await MapSite.ScreenshotAsync(page, "truck-route");
    }

    [Fact]
    public async Task A_route_that_is_not_geojson_is_said_so()
    {
        var page = await site.OpenAsync();
        await page.ClickAsync("#truck-toggle");
        await page.FillAsync("#truck-route", "G107 southbound");
        await page.ClickAsync("#truck-route-stops");
        await page.WaitForFunctionAsync("() => document.getElementById('truck-status').textContent.length > 0");
        Assert.Contains("GeoJSON", await page.InnerTextAsync("#truck-status"), StringComparison.Ordinal);
    }

    private static async Task SetLengthAsync(IPage page, string metres)
    {
        await page.FillAsync("#truck-length", metres);
        await page.Locator("#truck-length").DispatchEventAsync("change");
    }

    private static Task<long[]> ListedIdsAsync(IPage page) =>
        page.Locator("#truck-stops button.station").EvaluateAllAsync<long[]>("els => els.map(e => Number(e.dataset.stationId))");
}
