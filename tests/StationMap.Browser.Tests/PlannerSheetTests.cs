using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using StationMap.Browser.Tests.Infrastructure;

namespace StationMap.Browser.Tests;

/// <summary>The planner on a phone: a bottom sheet under a map that stays in sight, and the coverage by district it lists.</summary>
public sealed partial class PlannerSheetTests(MapSite site) : IClassFixture<MapSite>
{
    [Fact]
    public async Task On_a_phone_the_planner_is_a_bottom_sheet_with_the_coverage_by_district_sortable_by_uncovered_demand()
    {
        var page = await site.OpenAsync();
        await page.ClickAsync("#planner-toggle");
        await page.WaitForSelectorAsync("#planner select[name=layer] option[value=courier_riders]", new() { State = WaitForSelectorState.Attached });
        await page.SelectOptionAsync("#planner select[name=layer]", "courier_riders");
        await page.FillAsync("#planner input[name=radius]", "800");
        await page.ClickAsync("#planner button[name=coverage]");
        await page.WaitForSelectorAsync("#planner .planner-districts tbody tr");

        var coverage = await site.Api.GetFromJsonAsync<JsonElement>("/api/planning/coverage?layer=courier_riders&radiusM=800");
        var uncovered = coverage.GetProperty("districts").EnumerateArray().ToDictionary(
            d => d.GetProperty("district").GetString()!, d => d.GetProperty("totalWeight").GetDouble() - d.GetProperty("coveredWeight").GetDouble());
        Assert.True(uncovered.Count >= 10, $"only {uncovered.Count} districts");
        var rows = await RowsAsync(page);
        Assert.Equal(uncovered.Keys.Order(), rows.Select(r => r.District).Order());
        Assert.All(rows, r => Assert.Equal(uncovered[r.District], r.Uncovered, 3));
        Assert.Equal(rows.Select(r => r.Uncovered).OrderDescending(), rows.Select(r => r.Uncovered));
        Assert.Equal("descending", await page.GetAttributeAsync("#planner th:has(button[data-column=uncovered])", "aria-sort"));

        // The map stays in sight above the sheet: at least a third of the screen, and nothing of the sheet over it.
        var map = (await page.Locator("#map").BoundingBoxAsync())!;
        var sheet = (await page.Locator("#planner").BoundingBoxAsync())!;
        Assert.True(map.Height >= 640 / 3.0, $"the map is {map.Height} px tall");
        Assert.True(sheet.Y >= map.Y + map.Height - 1, $"the sheet (top {sheet.Y}) covers the map (bottom {map.Y + map.Height})");
        Assert.True(sheet.Y + sheet.Height <= 641, "the sheet runs off the screen");
        Assert.Equal("map", await page.EvaluateAsync<string>(
            $"() => document.elementFromPoint(180, {(map.Y + map.Height / 2).ToString(CultureInfo.InvariantCulture)}).closest('#map') ? 'map' : 'covered'"));
        await page.Locator("#planner .planner-districts").ScrollIntoViewIfNeededAsync();
        await MapSite.ScreenshotAsync(page, "planner-phone", docsName: "planner-phone.png");

        await page.ClickAsync("#planner button[data-column=uncovered]");
        Assert.Equal("ascending", await page.GetAttributeAsync("#planner th:has(button[data-column=uncovered])", "aria-sort"));
        var ascending = await RowsAsync(page);
        Assert.Equal(rows.Select(r => r.District).Order(), ascending.Select(r => r.District).Order());
        Assert.Equal(ascending.Select(r => r.Uncovered).Order(), ascending.Select(r => r.Uncovered));
        Assert.NotEqual(rows.Select(r => r.Uncovered), ascending.Select(r => r.Uncovered));

        // Folded, the sheet keeps its title row and gives the map the rest.
        await page.ClickAsync("#planner-fold");
        Assert.True(await page.Locator("#planner-body").IsHiddenAsync());
        Assert.True((await page.Locator("#map").BoundingBoxAsync())!.Height > 640 * 0.7);
        await MapSite.ScreenshotAsync(page, "planner-phone-folded");
        await page.ClickAsync("#planner-fold");

        // Every label in words, in both languages: no wire value such as warm_station or courier_riders shows.
        foreach (var lang in new[] { "zh-CN", "en" })
        {
            var text = await page.EvaluateAsync<string>(
                "() => document.getElementById('planner').innerText + ' ' + [...document.querySelectorAll('#planner option')].map(o => o.text).join(' ')");
            Assert.DoesNotMatch(WireValue(), text);
            if (lang == "zh-CN")
            {
                await page.ClickAsync("#lang");
            }
        }
        Assert.Equal("Coverage by district", await page.InnerTextAsync("#planner .planner-districts caption"));
        Assert.Contains("Warm station", await page.InnerTextAsync("#planner select[name=kind]"), StringComparison.Ordinal);
        await MapSite.ScreenshotAsync(page, "planner-phone-en");
    }

    [GeneratedRegex(@"\b[a-z]+_[a-z_]+\b")]
    private static partial Regex WireValue();

    private sealed class Row
    {
        public string District { get; set; } = "";

        public double Uncovered { get; set; }
    }

    /// <summary>The table's rows in the order shown: each district and its uncovered weight.</summary>
    private static async Task<List<Row>> RowsAsync(IPage page) =>
        [.. await page.Locator("#planner .planner-districts tbody tr").EvaluateAllAsync<Row[]>(
            "rows => rows.map(r => ({ district: r.dataset.district, uncovered: Number(r.querySelector('[data-uncovered]').dataset.uncovered) }))")];
}
