using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using StationMap.Browser.Tests.Infrastructure;

namespace StationMap.Browser.Tests;

/// <summary>A shared link to a station that has since been retired: the card says so and offers open stations instead.</summary>
public sealed class RetiredStationPageTests(RetiredStationSite site) : IClassFixture<RetiredStationSite>
{
    [Fact]
    public async Task A_retired_stations_link_shows_the_retired_card_with_the_open_stations_nearest_to_it()
    {
        var retired = await site.Api.GetFromJsonAsync<JsonElement>($"/api/stations/{site.RetiredId}");
        Assert.NotEqual(JsonValueKind.Null, retired.GetProperty("retiredAt").ValueKind);
        var (lat, lon) = (retired.GetProperty("lat").GetDouble(), retired.GetProperty("lon").GetDouble());
        var open = await site.Api.GetFromJsonAsync<JsonElement>(
            string.Create(CultureInfo.InvariantCulture, $"/api/stations/nearest?lat={lat:F6}&lon={lon:F6}&k=3&openNow=true"));
        var expected = open.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(3, expected.Count);

        var page = await site.OpenAsync($"/#/station/{site.RetiredId}", width: 412, height: 915);
        await page.WaitForSelectorAsync("#card:not([hidden]) #alternatives li");

        Assert.Equal(retired.GetProperty("name").GetString(), await page.InnerTextAsync("#card-name"));
        Assert.StartsWith("已停用", await page.InnerTextAsync("#retired-notice"), StringComparison.Ordinal);
        Assert.Contains("起不再提供服务", await page.InnerTextAsync("#retired-notice"), StringComparison.Ordinal);
        // No way to a place that is gone, and no opening hours that would read as if it were open.
        Assert.Equal(0, await page.Locator("#card #nav-amap, #card > p > .status").CountAsync());
        var listed = await MapSite.ListedIdsAsync(page, "#alternatives");
        Assert.Equal(expected, listed);
        Assert.DoesNotContain(site.RetiredId, listed);
        Assert.Equal(3, await page.Locator("#alternatives .status-open").CountAsync());
        // The map frames where it stood with the alternatives around it.
        var points = open.GetProperty("items").EnumerateArray().Select(i => new[] { i.GetProperty("lon").GetDouble(), i.GetProperty("lat").GetDouble() }).Append([lon, lat]);
        await page.WaitForFunctionAsync("""
            points => { const m = document.getElementById('map').stationMap; return !m.isMoving() && points.every(p => m.getBounds().contains(p)); }
            """, points.ToArray(), new() { Timeout = 10_000 });
        await MapSite.ScreenshotAsync(page, "retired-card", docsName: "retired-card.png");

        await page.ClickAsync("#lang");
        Assert.StartsWith("No longer in service", await page.InnerTextAsync("#retired-notice"), StringComparison.Ordinal);
        await MapSite.ScreenshotAsync(page, "retired-card-en");

        // An alternative opens as a live station's card.
        await page.Locator("#alternatives button.station").First.ClickAsync();
        await MapSite.HashSettlesAtAsync(page, $"#/station/{expected[0]}");
        await page.WaitForSelectorAsync("#card:not([hidden]) #nav-amap");
        Assert.Equal(0, await page.Locator("#retired-notice").CountAsync());
    }
}
