using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StationMap.Browser.Tests.Infrastructure;
using StationMap.Store.Operators;

namespace StationMap.Browser.Tests;

/// <summary>One place, one pin, in Chromium: the map lists a station two sources list once, its card names both, and an operator links a queued pair on /places.html.</summary>
public sealed class PlacesPageTests(PlacesSite site) : IClassFixture<PlacesSite>
{
    [Fact]
    public async Task The_map_lists_a_place_once_and_its_card_names_every_source()
    {
        var page = await site.OpenAsync();
        await page.Context.SetGeolocationAsync(new Microsoft.Playwright.Geolocation { Latitude = 39.90105f, Longitude = 116.39902f });
        await MapSite.LocateAsync(page);
        var listed = await MapSite.ListedIdsAsync(page);
        Assert.Contains(site.ShownId, listed);
        Assert.DoesNotContain(site.HiddenId, listed);

        // The hidden record's own card (an old link, say) names both sources and leads to the one the map shows.
        var card = await site.OpenAsync($"/#/station/{site.HiddenId}");
        var sources = card.Locator(".place-sources li");
        await sources.First.WaitForAsync();
        Assert.Equal(2, await sources.CountAsync());
        Assert.Equal([PlacesSite.Union, PlacesSite.Osm], await sources.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.source)"));
        Assert.Equal($"/#/station/{site.ShownId}", await card.GetAttributeAsync("#place-pin", "href"));
        Assert.Contains("地图上显示", await card.InnerTextAsync(".place-sources"), StringComparison.Ordinal);
        Assert.Empty(MapSite.PolicyViolations(card));
    }

    [Fact]
    public async Task An_operator_links_a_queued_pair_and_the_map_then_shows_one_pin()
    {
        var key = await site.Services.GetRequiredService<OperatorKeys>().CreateAsync("places-page", "operator", CancellationToken.None);
        var page = await site.OpenPageAsync("/places.html", "#places-load");
        await page.FillAsync("#places-key", key);
        await page.ClickAsync("#places-load");
        var item = page.Locator($"#places-queue li:has(div[data-station-id='{site.Queued.Osm}'])");
        await item.WaitForAsync();
        Assert.Contains("ICBC Qianmen Branch", await item.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("名称无法比较", await item.InnerTextAsync(), StringComparison.Ordinal);
        await MapSite.ScreenshotAsync(page, "places-review", docsName: "places-review.png");

        await page.ClickAsync("#lang");
        Assert.Contains("Same station", await item.InnerTextAsync(), StringComparison.Ordinal);
        await page.ClickAsync("#lang");

        await item.Locator("button[data-decision='link']").ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('places-message').textContent.includes('已合并')");
        var card = await site.Api.GetFromJsonAsync<JsonElement>($"/api/stations/{site.Queued.Osm}");
        Assert.Equal(site.Queued.Union, card.GetProperty("pinId").GetInt64());
        Assert.Equal(2, card.GetProperty("sources").GetArrayLength());
        Assert.Empty(MapSite.PolicyViolations(page));
    }
}
