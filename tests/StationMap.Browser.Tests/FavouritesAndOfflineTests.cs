using System.Text.RegularExpressions;
using StationMap.Browser.Tests.Infrastructure;

namespace StationMap.Browser.Tests;

/// <summary>The favourites tab, and the last nearest list shown the moment the page opens, connected or not.</summary>
public sealed partial class FavouritesAndOfflineTests(MapSite site) : IClassFixture<MapSite>
{
    [Fact]
    public async Task Starred_stations_have_their_own_list_with_distances_and_it_survives_a_reload()
    {
        var page = await site.OpenAsync();
        await page.ClickAsync("#tab-favourites");
        Assert.Equal("收藏（0）", await page.InnerTextAsync("#tab-favourites"));
        Assert.NotEmpty(await page.InnerTextAsync("#favourites-panel .message"));
        await page.ClickAsync("#tab-nearby");

        await MapSite.LocateAsync(page);
        var listed = await MapSite.ListedIdsAsync(page, "#nearest");
        var names = new Dictionary<long, string>();
        foreach (var index in new[] { 4, 1 })
        {
            await page.Locator($"#nearest button.station[data-station-id='{listed[index]}']").ClickAsync();
            await page.WaitForSelectorAsync("#card:not([hidden]) #card-name");
            names[listed[index]] = await page.InnerTextAsync("#card-name");
            await page.ClickAsync("#favourite");
            await page.ClickAsync("#card-close");
        }

        await page.ClickAsync("#tab-favourites");
        await page.WaitForSelectorAsync("#favourites-list .status");
        // Nearest first, as in the nearest list, each with its distance.
        Assert.Equal([listed[1], listed[4]], await MapSite.ListedIdsAsync(page, "#favourites-list"));
        Assert.True(await page.Locator("#nearest").IsHiddenAsync());
        var distances = await page.Locator("#favourites-list .distance").AllInnerTextsAsync();
        Assert.Equal(2, distances.Count);
        Assert.All(distances, d => Assert.Matches(@"^\d+(\.\d)? (米|公里)$", d));
        Assert.Equal("收藏（2）", await page.InnerTextAsync("#tab-favourites"));
        await MapSite.ScreenshotAsync(page, "favourites-tab");

        await page.ReloadAsync();
        await page.WaitForSelectorAsync("body[data-ready='true']");
        await page.ClickAsync("#tab-favourites");
        await page.WaitForSelectorAsync("#favourites-list .status");
        Assert.Equal([listed[1], listed[4]], await MapSite.ListedIdsAsync(page, "#favourites-list"));
        var shown = await page.Locator("#favourites-list .station-name").AllInnerTextsAsync();
        Assert.Equal([names[listed[1]], names[listed[4]]], shown);

        // Unstarred from its card, it leaves the list.
        await page.Locator("#favourites-list button.station").First.ClickAsync();
        await page.WaitForSelectorAsync("#card:not([hidden]) #card-name");
        await page.ClickAsync("#favourite");
        await page.ClickAsync("#card-close");
        Assert.Equal([listed[4]], await MapSite.ListedIdsAsync(page, "#favourites-list"));
        await MapSite.ScreenshotAsync(page, "favourites-after-reload");
    }

    [Fact]
    public async Task Offline_a_reload_shows_the_last_nearest_list_at_once_with_when_it_was_saved()
    {
        var page = await site.OpenAsync();
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        await MapSite.LocateAsync(page);
        var listed = await MapSite.ListedIdsAsync(page, "#nearest");
        Assert.Empty(await page.InnerTextAsync("#cached"));

        await page.Context.SetOfflineAsync(true);
        var asked = 0;
        page.Request += (_, request) => asked += request.Url.Contains("/api/stations/nearest", StringComparison.Ordinal) ? 1 : 0;
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("body[data-ready='true']");

        // No tap on 定位我: the list is there, with the time it was saved (the service worker's clock: the real one).
        await page.WaitForSelectorAsync("#nearest li button.station");
        Assert.Equal(listed, await MapSite.ListedIdsAsync(page, "#nearest"));
        Assert.Equal(0, asked);
        var saved = await page.InnerTextAsync("#cached");
        Assert.Matches(SavedAt(), saved);
        await MapSite.ScreenshotAsync(page, "offline-list-on-load");
    }

    [GeneratedRegex(@"^上次的结果（\d\d:\d\d 保存）")]
    private static partial Regex SavedAt();
}
