using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StationMap.Browser.Tests.Infrastructure;
using StationMap.Store.Operators;

namespace StationMap.Browser.Tests;

/// <summary>
/// The QR code at a station's door on a phone: its link opens the card asking for a check-in, one tap records it, and
/// the status line appears once a second device (another browser, with its own device id) confirms too.
/// </summary>
public sealed class CheckinTests(MapSite site) : IClassFixture<MapSite>
{
    [Fact]
    public async Task The_QR_link_opens_the_check_in_and_a_second_device_makes_the_status_appear()
    {
        // A station a little away from Tiananmen, which other tests leave alone.
        var nearest = await site.Api.GetFromJsonAsync<JsonElement>("/api/stations/nearest?lat=39.93&lon=116.44&k=1");
        var station = nearest.GetProperty("items")[0];
        var id = station.GetProperty("id").GetInt64();
        var at = new Geolocation { Latitude = (float)station.GetProperty("lat").GetDouble(), Longitude = (float)station.GetProperty("lon").GetDouble() };

        var first = await OpenAtDoorAsync(id, at);
        Assert.True(await first.Locator("#checkin.prompt").IsVisibleAsync(), "the QR link does not ask for a check-in");
        await MapSite.ScreenshotAsync(first, "checkin-prompt");
        await first.ClickAsync("#checkin-visited");
        await first.WaitForFunctionAsync("() => document.getElementById('checkin-result').textContent.includes('已记录')");
        // One device changes nothing others see: no status line yet.
        Assert.Equal(0, await first.Locator("#checkin-status li").CountAsync());

        var second = await OpenAtDoorAsync(id, at);
        await second.ClickAsync("#checkin-visited");
        await second.WaitForFunctionAsync("() => document.getElementById('checkin-result').textContent.includes('已记录')");
        var line = await second.Locator("#checkin-status li").First.InnerTextAsync();
        Assert.Contains("确认开放", line, StringComparison.Ordinal);
        await MapSite.ScreenshotAsync(second, "checkin-confirmed", docsName: "checkin-card.png");

        // The first phone sees it too when it opens the card again, and the device ids differed.
        await first.ReloadAsync();
        await first.WaitForSelectorAsync("#checkin-status li");
        var devices = new[] { await DeviceAsync(first), await DeviceAsync(second) };
        Assert.Equal(2, devices.Distinct().Count());
        Assert.All(devices, d => Assert.Matches("^[0-9a-f-]{36}$", d));
    }

    [Fact]
    public async Task Far_from_the_station_the_check_in_says_so_and_counts_nothing()
    {
        var nearest = await site.Api.GetFromJsonAsync<JsonElement>("/api/stations/nearest?lat=39.86&lon=116.30&k=1");
        var id = nearest.GetProperty("items")[0].GetProperty("id").GetInt64();
        // The context's position is Tiananmen, kilometres away.
        var page = await site.OpenAsync($"/#/station/{id}/checkin");
        await page.WaitForSelectorAsync("#checkin-visited");
        await page.ClickAsync("#checkin-visited");
        await page.WaitForFunctionAsync("() => document.getElementById('checkin-result').textContent.includes('太远')");
    }

    [Fact]
    public async Task An_operator_approves_a_comment_in_the_moderation_page_and_the_card_shows_it()
    {
        var nearest = await site.Api.GetFromJsonAsync<JsonElement>("/api/stations/nearest?lat=39.96&lon=116.36&k=1");
        var station = nearest.GetProperty("items")[0];
        var id = station.GetProperty("id").GetInt64();
        var comment = "热水器修好了，谢谢 " + Guid.NewGuid().ToString("N")[..6];
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/stations/{id}/checkins")
        {
            Content = JsonContent.Create(new { kind = "visited", comment, lat = station.GetProperty("lat").GetDouble(), lon = station.GetProperty("lon").GetDouble() }),
        };
        request.Headers.Add("X-Device-Id", Guid.NewGuid().ToString());
        Assert.True((await site.Api.SendAsync(request)).IsSuccessStatusCode);
        var key = await site.Services.GetRequiredService<OperatorKeys>().CreateAsync("moderation-page", "operator", CancellationToken.None);

        var page = await site.OpenModerationAsync();
        await page.FillAsync("#moderation-key", key);
        await page.ClickAsync("#moderation-load");
        var item = page.Locator($"#moderation-queue li[data-station-id='{id}']");
        await item.WaitForAsync();
        Assert.Contains(comment, await item.InnerTextAsync(), StringComparison.Ordinal);
        await MapSite.ScreenshotAsync(page, "moderation", docsName: "moderation.png");
        await item.Locator("button[data-action='approve']").ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('moderation-message').textContent.includes('已通过')");

        var card = await site.Api.GetFromJsonAsync<JsonElement>($"/api/stations/{id}");
        Assert.Contains(comment, card.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("text").GetString()));
        Assert.Empty(MapSite.PolicyViolations(page));
    }

    private async Task<IPage> OpenAtDoorAsync(long id, Geolocation at)
    {
        var page = await site.OpenAsync($"/#/station/{id}/checkin");
        await page.Context.SetGeolocationAsync(at);
        await page.WaitForSelectorAsync("#checkin-visited");
        return page;
    }

    private static Task<string> DeviceAsync(IPage page) => page.EvaluateAsync<string>("() => localStorage.getItem('stationmap.device')");
}
