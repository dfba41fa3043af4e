using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StationMap.Browser.Tests.Infrastructure;
using StationMap.Integration.Tests.Infrastructure;

namespace StationMap.Browser.Tests;

/// <summary>
/// A station card's hours in the National Day break: the week as the API evaluates it (holiday, make-up working day),
/// in both languages, with the list's own words. The page parses no opening_hours itself.
/// </summary>
public sealed class HoursCardTests(MapSite site) : IClassFixture<MapSite>
{
    // Monday 5 October 2026, 10:00 in Beijing: three more days of the break, then Thursday and Friday, then the
    // make-up working Saturday (10 October).
    private static readonly DateTimeOffset HolidayMonday = new(2026, 10, 5, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task The_card_names_National_Day_and_the_make_up_Saturday_in_both_languages()
    {
        ((PinnedClock)site.Services.GetRequiredService<TimeProvider>()).SetUtcNow(HolidayMonday);
        var id = await AddStationAsync("Mo-Fr 08:00-18:00; PH off", "工作日 8:00-18:00");

        var page = await site.OpenAsync($"/#/station/{id}", width: 412, height: 915, now: HolidayMonday);
        await page.WaitForSelectorAsync("#card:not([hidden]) .week");

        Assert.Equal("今天不营业 · 国庆节", await page.InnerTextAsync("#card .today"));
        Assert.Equal(
            ["10月5日至7日 周一至周三 休息 · 国庆节", "10月8日、9日 周四、周五 08:00–18:00", "10月10日 周六 08:00–18:00 · 调休上班", "10月11日 周日 休息"],
            await page.Locator("#card .week-line").AllInnerTextsAsync());
        Assert.Equal("原文：工作日 8:00-18:00", await page.InnerTextAsync("#card .hours-original"));
        Assert.Contains("周四 08:00 开门", await page.InnerTextAsync("#card"), StringComparison.Ordinal);
        await MapSite.ScreenshotAsync(page, "card-hours-national-day", docsName: "map-card-hours.png");

        await page.ClickAsync("#lang");
        await page.WaitForFunctionAsync("() => document.documentElement.lang === 'en'");
        Assert.Equal(
            ["Mon 5 Oct – Wed 7 Oct closed · National Day", "Thu 8 Oct, Fri 9 Oct 08:00–18:00", "Sat 10 Oct 08:00–18:00 · make-up working day", "Sun 11 Oct closed"],
            await page.Locator("#card .week-line").AllInnerTextsAsync());
        await MapSite.ScreenshotAsync(page, "card-hours-national-day-en");
    }

    private async Task<long> AddStationAsync(string hours, string original)
    {
        await using var dataSource = NpgsqlDataSource.Create(site.ConnectionString);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO station (source, external_id, kind, name, address, district, location, amenities, opening_hours, opening_hours_original)
            VALUES ('browser-hours', 'office-1', 'workers_home', '东城区总工会 职工之家', '北京市东城区东四北大街1号', '东城区',
                    ST_SetSRID(ST_MakePoint(116.4170, 39.9240), 4326), ARRAY['drinking_water', 'hot_water'], @hours, @original)
            RETURNING id
            """);
        command.Parameters.AddWithValue("hours", hours);
        command.Parameters.AddWithValue("original", original);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
