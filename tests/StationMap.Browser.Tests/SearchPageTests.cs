using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using StationMap.Browser.Tests.Infrastructure;

namespace StationMap.Browser.Tests;

/// <summary>
/// The search box over the map, as a worker uses it on a phone and at a desk: typing part of a station's address brings
/// suggestions, the keyboard (or a tap) opens one, the map goes to it and its card opens, in both languages.
/// </summary>
public sealed class SearchPageTests(MapSite site) : IClassFixture<MapSite>
{
    /// <summary>A demo station near Tiananmen whose street and number the search finds first, and that fragment.</summary>
    private async Task<(long Id, string Name, double Lat, double Lon, string Fragment)> StationByAddressAsync()
    {
        var near = await site.Api.GetFromJsonAsync<JsonElement>("/api/stations/nearest?lat=39.9087&lon=116.3975&k=30");
        foreach (var item in near.GetProperty("items").EnumerateArray())
        {
            // 北京市东城区前门大街12号 -> 前门大街12号: the street and number, as someone told the way would say it.
            var address = item.GetProperty("address").GetString()!;
            var fragment = address[(address.IndexOf('区', StringComparison.Ordinal) + 1)..];
            var answer = await site.Api.GetFromJsonAsync<JsonElement>("/api/stations/search?q=" + Uri.EscapeDataString(fragment));
            var items = answer.GetProperty("items");
            if (items.GetArrayLength() == 1 && items[0].GetProperty("id").GetInt64() == item.GetProperty("id").GetInt64())
            {
                return (item.GetProperty("id").GetInt64(), item.GetProperty("name").GetString()!,
                    item.GetProperty("lat").GetDouble(), item.GetProperty("lon").GetDouble(), fragment);
            }
        }
        throw new InvalidOperationException("No demo station near Tiananmen has an address fragment of its own.");
    }

    [Fact]
    public async Task Typing_a_fragment_of_an_address_suggests_the_station_and_Enter_opens_its_card_on_the_map()
    {
        var station = await StationByAddressAsync();
        var page = await site.OpenAsync();
        var input = page.Locator("#search-input");
        Assert.Equal("combobox", await input.GetAttributeAsync("role"));
        Assert.Equal("false", await input.GetAttributeAsync("aria-expanded"));
        Assert.Equal("搜索名称、地址或区，如 前门", await input.GetAttributeAsync("placeholder"));

        // Typed key by key, full-width digits as a Chinese keyboard gives them; the suggestions of what was typed last.
        var typed = FullWidth(station.Fragment);
        await page.RunAndWaitForResponseAsync(
            () => input.PressSequentiallyAsync(typed, new() { Delay = 40 }),
            r => r.Url.Contains("/api/stations/search?q=" + Uri.EscapeDataString(typed), StringComparison.Ordinal));
        await page.WaitForSelectorAsync($"#search-option-0[data-station-id='{station.Id}']");
        Assert.Equal("true", await input.GetAttributeAsync("aria-expanded"));
        Assert.Contains(station.Name, await page.InnerTextAsync("#search-option-0"));
        Assert.Equal("1 个结果，按上下键选择，回车打开", await page.InnerTextAsync("#search .visually-hidden[role=status]"));
        await MapSite.ScreenshotAsync(page, "search-suggestions");

        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("search-option-0", await input.GetAttributeAsync("aria-activedescendant"));
        Assert.Equal("true", await page.GetAttributeAsync("#search-option-0", "aria-selected"));
        await page.Keyboard.PressAsync("Enter");

        await MapSite.HashSettlesAtAsync(page, $"#/station/{station.Id}");
        await page.WaitForSelectorAsync("#card:not([hidden]) #card-name");
        Assert.Equal(station.Name, await page.InnerTextAsync("#card-name"));
        Assert.Equal("false", await input.GetAttributeAsync("aria-expanded"));
        // The map has gone to the station.
        await page.WaitForFunctionAsync("""
            ([lon, lat]) => { const m = document.getElementById('map').stationMap; const c = m.getCenter();
              return !m.isMoving() && Math.abs(c.lng - lon) < 1e-4 && Math.abs(c.lat - lat) < 1e-4 && m.getZoom() >= 15; }
            """, new[] { station.Lon, station.Lat }, new() { Timeout = 10_000 });
        await MapSite.ScreenshotAsync(page, "search-card");
    }

    [Fact]
    public async Task At_a_desk_a_click_on_a_suggestion_opens_it_and_Escape_closes_the_list_first()
    {
        var page = await site.OpenAsync(width: 1280, height: 800);
        await MapSite.LocateAsync(page);
        var searched = await page.RunAndWaitForResponseAsync(
            () => page.FillAsync("#search-input", "党群服务中心"), r => r.Url.Contains("/api/stations/search", StringComparison.Ordinal));
        // The worker's position goes with the search, so the nearest centres come first, with their distance.
        Assert.Contains("lat=39.908700", searched.Url, StringComparison.Ordinal);
        await page.WaitForSelectorAsync("#search-results [role=option]");
        Assert.Equal(8, await page.Locator("#search-results [role=option]").CountAsync());
        var heights = await page.Locator("#search-results [role=option]").EvaluateAllAsync<double[]>("els => els.map(e => e.getBoundingClientRect().height)");
        Assert.All(heights, h => Assert.True(h >= 44, $"a suggestion is {h} px high"));
        Assert.Matches(@"\d+(\.\d)? ?(米|公里)", await page.InnerTextAsync("#search-option-0"));

        await page.Keyboard.PressAsync("Escape");
        Assert.Equal("false", await page.GetAttributeAsync("#search-input", "aria-expanded"));
        Assert.Equal("党群服务中心", await page.InputValueAsync("#search-input"));
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("true", await page.GetAttributeAsync("#search-input", "aria-expanded"));

        var id = await page.GetAttributeAsync("#search-option-1", "data-station-id");
        await page.ClickAsync("#search-option-1");
        await MapSite.HashSettlesAtAsync(page, $"#/station/{id}");
        await page.WaitForSelectorAsync("#card:not([hidden]) #card-name");
        await MapSite.ScreenshotAsync(page, "search-desktop-card");
    }

    [Fact]
    public async Task From_the_workers_position_the_nearest_matches_come_first_with_their_distance()
    {
        var page = await site.OpenAsync(width: 412, height: 915);
        await MapSite.LocateAsync(page);
        await page.RunAndWaitForResponseAsync(
            () => page.Locator("#search-input").PressSequentiallyAsync("前门", new() { Delay = 40 }),
            r => r.Url.Contains("/api/stations/search?q=" + Uri.EscapeDataString("前门") + "&lat=39.908700", StringComparison.Ordinal));
        await page.WaitForSelectorAsync("#search-option-7");
        var expected = await site.Api.GetFromJsonAsync<JsonElement>("/api/stations/search?q=%E5%89%8D%E9%97%A8&lat=39.908700&lon=116.397500&limit=8");
        var shown = await page.Locator("#search-results [role=option]").EvaluateAllAsync<long[]>("els => els.map(e => Number(e.dataset.stationId))");
        Assert.Equal(expected.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()), shown);
        Assert.Matches(@"· [0-9.]+ (米|公里)$", (await page.InnerTextAsync("#search-option-0")).Trim());
        await MapSite.ScreenshotAsync(page, "search-nearby", docsName: "search.png");
    }

    [Fact]
    public async Task In_English_the_box_speaks_English_and_says_when_nothing_matches()
    {
        var page = await site.OpenAsync();
        await page.ClickAsync("#lang");
        Assert.Equal("Search a name, address or district", await page.GetAttributeAsync("#search-input", "placeholder"));
        Assert.Equal("Search stations", await page.InnerTextAsync("#search-label"));
        await page.FillAsync("#search-input", "长城脚下没有的驿站名");
        await page.WaitForSelectorAsync("#search-note:not([hidden])");
        Assert.Equal("No station matches", await page.InnerTextAsync("#search-note"));
        Assert.Equal("false", await page.GetAttributeAsync("#search-input", "aria-expanded"));
        await MapSite.ScreenshotAsync(page, "search-none-en");
    }

    private static string FullWidth(string text) =>
        new string(text.Select(c => c is >= '0' and <= '9' ? (char)(c - '0' + '０') : c).ToArray());
}
