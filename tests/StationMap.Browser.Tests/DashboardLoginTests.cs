using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StationMap.Browser.Tests.Infrastructure;
using StationMap.Store.Operators;

namespace StationMap.Browser.Tests;

/// <summary>An operator opens the Hangfire dashboard in a browser, logging in with the operator key as the password.</summary>
public sealed class DashboardLoginTests(DashboardSite site) : IClassFixture<DashboardSite>
{
    [Fact]
    public async Task An_operator_logs_in_sees_the_refresh_job_and_can_trigger_it()
    {
        var key = await site.Services.GetRequiredService<OperatorKeys>().CreateAsync("dashboard-browser", "operator", CancellationToken.None);
        var page = await OpenAsync(new HttpCredentials { Username = "ops", Password = key });

        var response = await page.GotoAsync("/hangfire/recurring");
        Assert.Equal(200, response?.Status);
        var job = page.Locator("tr", new() { HasText = "refresh:" + DashboardSite.Source });
        await job.WaitForAsync();
        await MapSite.ScreenshotAsync(page, "dashboard-recurring");

        // Playwright sends the credentials only after a challenge Chromium accepts: one Basic scheme, not "Bearer, Basic".
        // The dashboard's own buttons post with its antiforgery token from this origin: they must keep working.
        await job.Locator("input[type=checkbox]").CheckAsync();
        await page.EvaluateAsync("() => window.beforeTrigger = true");
        var trigger = await page.RunAndWaitForResponseAsync(
            () => page.ClickAsync("button[data-url$='/recurring/trigger']"),
            r => r.Url.EndsWith("/recurring/trigger", StringComparison.Ordinal));
        Assert.InRange(trigger.Status, 200, 299);
        // After a successful command the dashboard reloads the page: wait for the new document.
        await page.WaitForFunctionAsync("() => window.beforeTrigger === undefined");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // The other pages (the home page draws its charts with a script) run under the same policy.
        foreach (var path in new[] { "/hangfire", "/hangfire/jobs/enqueued", "/hangfire/servers" })
        {
            Assert.Equal(200, (await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle }))?.Status);
        }
        await page.GotoAsync("/hangfire/jobs/enqueued");
        await page.Locator("a[href*='/jobs/details/']").First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await MapSite.ScreenshotAsync(page, "dashboard-job");
        Assert.Empty(MapSite.PolicyViolations(page));
    }

    [Fact]
    public async Task The_API_reference_renders_under_its_policy()
    {
        var page = await OpenAsync(credentials: null);
        var response = await page.GotoAsync("/docs/", new() { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.Equal(200, response?.Status);
        await MapSite.ScreenshotAsync(page, "docs");
        // Scalar draws the operations from the OpenAPI document: its scripts ran and fetched it. It parses the whole
        // document in the page, which took over 10 s while the other test projects loaded both cores; this checks that
        // it renders, not how fast.
        await page.GetByText("Planning", new() { Exact = true }).First.WaitForAsync(new() { Timeout = 60_000 });
        Assert.Empty(MapSite.PolicyViolations(page));
    }

    private async Task<IPage> OpenAsync(HttpCredentials? credentials)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            HttpCredentials = credentials,
        });
        var page = await context.NewPageAsync();
        MapSite.WatchPolicyViolations(page);
        return page;
    }
}
