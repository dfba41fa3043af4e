using System.Text.Json;
using Microsoft.Playwright;

namespace StationMap.Browser.Tests.Infrastructure;

/// <summary>
/// The axe-core accessibility engine (npm package axe-core, installed with the map client's dev dependencies), put into a
/// page from its file and run there. Injected through the DevTools protocol rather than as a script tag, so the page's
/// Content-Security-Policy stays as users get it.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Script = new(() =>
    {
        var path = Path.Combine(MapSite.RepositoryRoot, "map-client", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidOperationException($"{path} is missing: install the map client's packages (scripts/map-client.sh --install).");
    });

    public sealed record Violation(string Id, string Impact, string Help, IReadOnlyList<string> Nodes);

    private sealed record Report(int Passes, IReadOnlyList<Violation> Violations);

    /// <summary>
    /// The serious and critical violations of the WCAG 2.x A/AA and best-practice rules on the page as it stands, and
    /// how many rules passed (so a run that checked nothing cannot pass unnoticed).
    /// </summary>
    public static async Task<(int Passes, IReadOnlyList<Violation> Serious)> CheckAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Script.Value);
        }
        var json = await page.EvaluateAsync<string>("""
            async () => {
              const result = await axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
                resultTypes: ['violations'],
              });
              return JSON.stringify({
                passes: result.passes.length,
                violations: result.violations
                  .filter(v => v.impact === 'serious' || v.impact === 'critical')
                  .map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary) })),
              });
            }
            """);
        var report = JsonSerializer.Deserialize<Report>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        return (report.Passes, report.Violations);
    }

    /// <summary>Fails listing every serious or critical violation, each with the elements at fault.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string screen)
    {
        var (passes, serious) = await CheckAsync(page);
        Assert.True(passes > 10, $"{screen}: axe passed only {passes} rules; it did not really run");
        Assert.True(serious.Count == 0, $"{screen}: " + string.Join("\n", serious.Select(v =>
            $"[{v.Impact}] {v.Id}: {v.Help}\n    " + string.Join("\n    ", v.Nodes))));
    }
}
