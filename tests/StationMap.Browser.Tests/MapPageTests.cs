using System.Globalization;
using System.Net.Http.Json;
using System.Web;
using Microsoft.Playwright;
using StationMap.Browser.Tests.Infrastructure;
using StationMap.Domain.Geo;

namespace StationMap.Browser.Tests;

/// <summary>The map page in headless Chromium, on a phone-sized screen, against the real API and PostGIS.</summary>
public sealed class MapPageTests(MapSite site) : IClassFixture<MapSite>
{
    // Where the browser says the phone is (context geolocation): Tiananmen, Beijing.
    private const string NearestFromTiananmen = "/api/stations/nearest?lat=39.908700&lon=116.397500&k=10";

    [Fact]
    public async Task Locate_me_lists_the_nearest_stations_in_ascending_distance_as_the_API_does()
    {
        var page = await site.OpenAsync();

        await LocateAsync(page);

        var expected = await NearestAsync(NearestFromTiananmen);
        Assert.Equal(expected.Select(i => i.Id), await ListedIdsAsync(page));
        var distances = await page.Locator("#nearest .distance").EvaluateAllAsync<double[]>(
            "els => els.map(e => Number(e.dataset.distanceM))");
        Assert.Equal(distances.Order(), distances);
        await MapSite.ScreenshotAsync(page, "nearest-zh", docsName: "map-nearest.png");
    }

    [Fact]
    public async Task The_open_now_filter_changes_the_list_as_the_API_does()
    {
        var page = await site.OpenAsync();
        await LocateAsync(page);
        var all = await ListedIdsAsync(page);

        await page.ClickAsync("#filters-toggle");
        await page.RunAndWaitForResponseAsync(
            () => page.CheckAsync("#open-now"), r => r.Url.Contains("openNow=true", StringComparison.Ordinal));
        await page.WaitForFunctionAsync("() => !document.getElementById('panel').hasAttribute('aria-busy')");

        var open = await NearestAsync(NearestFromTiananmen + "&openNow=true");
        Assert.All(open, i => Assert.True(i.OpenNow));
        Assert.NotEqual(all, open.Select(i => i.Id));
        Assert.Equal(open.Select(i => i.Id), await ListedIdsAsync(page));
        // The filter is remembered on the phone.
        Assert.Contains("\"openNow\":true", await page.EvaluateAsync<string>("() => localStorage.getItem('stationmap.filters')"), StringComparison.Ordinal);
        await MapSite.ScreenshotAsync(page, "open-now-filter");
    }

    [Fact]
    public async Task Tapping_a_station_opens_its_card_and_Amap_gets_its_GCJ02_position()
    {
        // A taller phone (412×915), so the docs' screenshot shows the whole card.
        var page = await site.OpenAsync(width: 412, height: 915);
        await LocateAsync(page);
        var first = (await NearestAsync(NearestFromTiananmen))[0];

        await page.Locator("#nearest button.station").First.ClickAsync();
        await page.WaitForSelectorAsync("#card:not([hidden]) #card-name");

        Assert.Equal(first.Name, await page.InnerTextAsync("#card-name"));
        Assert.EndsWith($"#/station/{first.Id}", page.Url, StringComparison.Ordinal);
        var amap = new Uri(await page.GetAttributeAsync("#nav-amap", "href") ?? "");
        Assert.Equal("uri.amap.com", amap.Host);
        var to = HttpUtility.ParseQueryString(amap.Query)["to"]!.Split(',');
        var gcj = ChinaCoordinates.Wgs84ToGcj02(new LatLon(first.Lat, first.Lon));
        Assert.Equal(gcj.Lon, double.Parse(to[0], CultureInfo.InvariantCulture), 6);
        Assert.Equal(gcj.Lat, double.Parse(to[1], CultureInfo.InvariantCulture), 6);
        Assert.Equal(first.Name, to[2]);
        Assert.Contains("coord_type=bd09ll", await page.GetAttributeAsync("#nav-baidu", "href"), StringComparison.Ordinal);
        Assert.StartsWith("tel:", await page.Locator("#card a[href^='tel:']").GetAttributeAsync("href"), StringComparison.Ordinal);
        await MapSite.ScreenshotAsync(page, "card-zh", docsName: "map-card.png");
    }

    [Fact]
    public async Task The_language_switch_changes_the_texts()
    {
        var page = await site.OpenAsync();
        Assert.Equal("定位我", await page.InnerTextAsync("#locate"));
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));

        await page.ClickAsync("#lang");
        await LocateAsync(page);

        Assert.Equal("Locate me", await page.InnerTextAsync("#locate"));
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Matches(@"^\d+(\.\d)? k?m$", await page.Locator("#nearest .distance").First.InnerTextAsync());
        Assert.Contains("min walk", await page.Locator("#nearest .walk").First.InnerTextAsync(), StringComparison.Ordinal);
        await MapSite.ScreenshotAsync(page, "nearest-en");
    }

    [Fact]
    public async Task A_360_by_640_screen_never_scrolls_sideways()
    {
        var page = await site.OpenAsync();
        await LocateAsync(page);
        await page.ClickAsync("#filters-toggle");
        Assert.True(await NoHorizontalScrollAsync(page), "list with filters scrolls sideways");

        await page.Locator("#nearest button.station").First.ClickAsync();
        await page.WaitForSelectorAsync("#card:not([hidden]) #card-name");
        Assert.True(await NoHorizontalScrollAsync(page), "card scrolls sideways");
        await MapSite.ScreenshotAsync(page, "card-360x640");
    }

    [Fact]
    public async Task A_deep_link_opens_the_right_card()
    {
        var station = (await NearestAsync("/api/stations/nearest?lat=39.99&lon=116.31&k=1"))[0];

        var page = await site.OpenAsync($"/#/station/{station.Id}");
        await page.WaitForSelectorAsync("#card:not([hidden]) #card-name");

        Assert.Equal(station.Name, await page.InnerTextAsync("#card-name"));
        Assert.True(await page.Locator("#list-view").IsHiddenAsync());
        await MapSite.ScreenshotAsync(page, "deep-link");
    }

    [Fact]
    public async Task The_page_works_with_basemap_tiles_blocked()
    {
        var page = await site.OpenAsync(width: 412, height: 915);
        await MapSite.MapIdleAsync(page);
        Assert.True(await MapSite.DrawnCountAsync(page, "stations") + await MapSite.DrawnCountAsync(page, "clusters") > 0, "nothing drawn");
        // Zoomed out, the tiles count stations in clusters.
        await page.ClickAsync(".maplibregl-ctrl-zoom-out");
        await page.ClickAsync(".maplibregl-ctrl-zoom-out");
        await MapSite.MapIdleAsync(page);
        Assert.True(await MapSite.DrawnCountAsync(page, "clusters") > 0, "no cluster drawn zoomed out");
        await MapSite.ScreenshotAsync(page, "zoomed-out-clusters");

        await LocateAsync(page);

        Assert.True(site.BlockedRequests > 0, "the basemap was never asked for, so this proves nothing");
        Assert.True(await page.Locator("#map canvas").IsVisibleAsync());
        Assert.NotEmpty(await page.InnerTextAsync(".maplibregl-ctrl-scale"));
        Assert.Equal(10, await page.Locator("#nearest > li").CountAsync());
        await MapSite.ScreenshotAsync(page, "tiles-blocked");
    }

    [Fact]
    public async Task A_starred_station_is_listed_first_and_remembered()
    {
        var page = await site.OpenAsync();
        await LocateAsync(page);
        var third = (await ListedIdsAsync(page))[2];

        await page.Locator("#nearest button.station").Nth(2).ClickAsync();
        await page.ClickAsync("#favourite");
        await page.ClickAsync("#card-close");
        Assert.Equal(third, (await ListedIdsAsync(page))[0]);

        await page.ReloadAsync();
        await page.WaitForSelectorAsync("body[data-ready='true']");
        await LocateAsync(page);
        Assert.Equal(third, (await ListedIdsAsync(page))[0]);
        Assert.Contains("★", await page.Locator("#nearest .station-name").First.InnerTextAsync(), StringComparison.Ordinal);
        await MapSite.ScreenshotAsync(page, "favourite-first");
    }

    [Fact]
    public async Task Offline_the_last_nearest_list_and_cards_come_from_the_service_worker_marked_as_cached()
    {
        var page = await site.OpenAsync();
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        await LocateAsync(page);
        var listed = await ListedIdsAsync(page);
        await page.Locator("#nearest button.station").First.ClickAsync();
        await page.WaitForSelectorAsync("#card:not([hidden]) #card-name");
        await page.ClickAsync("#card-close");

        await page.Context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("body[data-ready='true']");
        await LocateAsync(page);

        Assert.Equal(listed, await ListedIdsAsync(page));
        Assert.NotEmpty(await page.InnerTextAsync("#cached"));
        await page.Locator("#nearest button.station").First.ClickAsync();
        await page.WaitForSelectorAsync("#card:not([hidden]) .cached");
        await MapSite.ScreenshotAsync(page, "offline-card");
    }

    [Fact]
    public async Task The_page_runs_under_its_Content_Security_Policy()
    {
        var page = await site.OpenAsync(width: 412, height: 915);
        await MapSite.MapIdleAsync(page);
        await page.ClickAsync(".maplibregl-ctrl-zoom-out");
        await MapSite.MapIdleAsync(page);
        await page.ClickAsync(".maplibregl-ctrl-zoom-in");
        await MapSite.MapIdleAsync(page);
        await LocateAsync(page);
        await page.ClickAsync("#filters-toggle");
        await page.Locator("#nearest button.station").First.ClickAsync();
        await page.WaitForSelectorAsync("#card:not([hidden])");
        await MapSite.ScreenshotAsync(page, "csp-card");

        // Basemap tiles were asked for (and refused by the test's network, not by the policy).
        Assert.True(site.BlockedRequests > 0);
        Assert.Empty(MapSite.PolicyViolations(page));
    }

    private static Task LocateAsync(IPage page) => MapSite.LocateAsync(page);

    private static Task<long[]> ListedIdsAsync(IPage page) => MapSite.ListedIdsAsync(page);

    private static Task<bool> NoHorizontalScrollAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth && document.body.scrollWidth <= window.innerWidth");

    private async Task<IReadOnlyList<NearestItem>> NearestAsync(string url) =>
        (await site.Api.GetFromJsonAsync<NearestAnswer>(url))!.Items;

    private sealed record NearestAnswer(IReadOnlyList<NearestItem> Items);

    private sealed record NearestItem(long Id, string Name, double Lat, double Lon, bool? OpenNow);
}
