using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StationMap.Browser.Tests.Infrastructure;
using StationMap.Store.Operators;

namespace StationMap.Browser.Tests;

/// <summary>Runs alone: its Hangfire server and the process-wide Hangfire statics must not meet other hosts.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PlannerCollection
{
    public const string Name = "Planner page";
}

/// <summary>The planner view: coverage of a demand layer as the API computes it, and a suggestion run started from the page.</summary>
[Collection(PlannerCollection.Name)]
public sealed class PlannerPageTests(PlannerMapSite site) : IClassFixture<PlannerMapSite>
{
    [Fact]
    public async Task Coverage_and_suggested_sites_show_what_the_API_answers()
    {
        var key = await site.Services.GetRequiredService<OperatorKeys>().CreateAsync("planner-page", "planner", CancellationToken.None);
        var page = await site.OpenAsync("/", 1024, 768, "en");

        await page.ClickAsync("#planner-toggle");
        await page.WaitForSelectorAsync("#planner select[name=layer] option[value=freight_drivers]", new() { State = WaitForSelectorState.Attached });
        await page.SelectOptionAsync("#planner select[name=layer]", "freight_drivers");
        await page.FillAsync("#planner input[name=radius]", "1000");
        await page.ClickAsync("#planner button[name=coverage]");
        await WaitOrExplainAsync(page, "() => document.querySelector('#planner .planner-coverage').textContent.includes('%')");

        var coverage = await site.Api.GetFromJsonAsync<JsonElement>("/api/planning/coverage?layer=freight_drivers&radiusM=1000");
        var share = (coverage.GetProperty("share").GetDouble() * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        Assert.Contains(share, await page.TextContentAsync("#planner .planner-coverage"));

        await page.FillAsync("#planner input[name=p]", "3");
        await page.SelectOptionAsync("#planner select[name=solver]", "greedy");
        await page.FillAsync("#planner input[name=key]", key);
        await page.ClickAsync("#planner button[name=suggest]");
        await WaitOrExplainAsync(page, "() => document.querySelectorAll('#planner .planner-sites li').length === 3", 60_000);

        Assert.Equal(3, await page.Locator(".planner-site").CountAsync());
        var items = await page.Locator("#planner .planner-sites li").AllTextContentsAsync();
        Assert.All(items, item => Assert.Matches(@"\+\d+$", item));
        await MapSite.ScreenshotAsync(page, "planner-en");
    }

    // A timeout says what the panel showed (its status line carries the API's problem detail).
    private static async Task WaitOrExplainAsync(IPage page, string condition, float timeout = 30_000)
    {
        try
        {
            await page.WaitForFunctionAsync(condition, null, new() { Timeout = timeout });
        }
        catch (TimeoutException)
        {
            Assert.Fail("the planner panel shows: " + await page.InnerTextAsync("#planner"));
        }
    }
}
