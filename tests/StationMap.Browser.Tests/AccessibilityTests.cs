using System.Text.Json;
using Microsoft.Playwright;
using StationMap.Browser.Tests.Infrastructure;

namespace StationMap.Browser.Tests;

/// <summary>
/// Keyboard, screen reader and touch: axe-core on the main screens, focus into and out of the card, a visible focus
/// ring on every control, touch targets measured in the browser, and a header that follows the language switch.
/// </summary>
public sealed class AccessibilityTests(MapSite site) : IClassFixture<MapSite>
{
    [Fact]
    public async Task Axe_finds_no_serious_or_critical_violation_on_the_map_the_card_and_the_planner()
    {
        var page = await site.OpenAsync();
        await MapSite.MapIdleAsync(page);
        await Axe.AssertNoSeriousViolationsAsync(page, "map on opening");

        await page.FillAsync("#search-input", "前门");
        await page.WaitForSelectorAsync("#search-results [role=option]");
        await page.Keyboard.PressAsync("ArrowDown");
        await Axe.AssertNoSeriousViolationsAsync(page, "search with its suggestions");
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("Escape");

        await MapSite.LocateAsync(page);
        await page.ClickAsync("#filters-toggle");
        await Axe.AssertNoSeriousViolationsAsync(page, "map with the nearest list and filters");

        await page.ClickAsync("#tab-favourites");
        await Axe.AssertNoSeriousViolationsAsync(page, "favourites tab");
        await page.ClickAsync("#tab-nearby");

        await page.Locator("#nearest button.station").First.ClickAsync();
        await page.WaitForSelectorAsync("#card:not([hidden]) #card-name");
        await Axe.AssertNoSeriousViolationsAsync(page, "open card");
        await page.ClickAsync("#card-close");

        await OpenPlannerCoverageAsync(page);
        await Axe.AssertNoSeriousViolationsAsync(page, "planner with coverage by district");

        await page.ClickAsync("#lang");
        await Axe.AssertNoSeriousViolationsAsync(page, "planner in English");
    }

    [Fact]
    public async Task Opening_a_card_moves_the_focus_into_it_and_Esc_or_closing_puts_it_back()
    {
        var page = await site.OpenAsync();
        await MapSite.LocateAsync(page);
        var opener = page.Locator("#nearest button.station").Nth(2);
        var id = await opener.GetAttributeAsync("data-station-id");

        await opener.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#card:not([hidden]) #card-name");
        await page.WaitForFunctionAsync("() => document.activeElement?.id === 'card-name'");
        Assert.EndsWith($"#/station/{id}", page.Url, StringComparison.Ordinal);

        await page.Keyboard.PressAsync("Escape");
        await page.WaitForSelectorAsync("#card", new() { State = WaitForSelectorState.Hidden });
        Assert.Equal(id, await ActiveAsync(page, "e => e.dataset.stationId ?? ''"));
        Assert.DoesNotContain("#/station/", page.Url, StringComparison.Ordinal);

        // The same with the close button, reached and pressed from the keyboard.
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.activeElement?.id === 'card-name'");
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.Equal("card-close", await ActiveAsync(page, "e => e.id"));
        // Starring keeps the keyboard on the star, though the card is drawn anew.
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("true", await page.GetAttributeAsync("#favourite", "aria-pressed"));
        Assert.Equal("favourite", await ActiveAsync(page, "e => e.id"));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#card", new() { State = WaitForSelectorState.Hidden });
        Assert.Equal(id, await ActiveAsync(page, "e => e.dataset.stationId ?? ''"));

        // Esc with no card open leaves the list alone.
        await page.Keyboard.PressAsync("Escape");
        Assert.True(await page.Locator("#list-view").IsVisibleAsync());
        await MapSite.ScreenshotAsync(page, "focus-back-on-list");

        // The tabs answer the arrow keys, the focus going with the selection.
        await page.FocusAsync("#tab-nearby");
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("tab-favourites", await ActiveAsync(page, "e => e.id"));
        Assert.Equal("true", await page.GetAttributeAsync("#tab-favourites", "aria-selected"));
        Assert.True(await page.Locator("#favourites-panel").IsVisibleAsync());
        await page.Keyboard.PressAsync("ArrowLeft");
        Assert.Equal("tab-nearby", await ActiveAsync(page, "e => e.id"));
        Assert.True(await page.Locator("#nearest").IsVisibleAsync());
    }

    [Fact]
    public async Task Every_control_reached_by_the_Tab_key_shows_a_focus_ring_the_zoom_buttons_too()
    {
        var page = await site.OpenAsync(width: 412, height: 915);
        await MapSite.LocateAsync(page);
        await page.ClickAsync("#filters-toggle");
        // From the header's first control (reached by a key, as focus rings are for keys, not taps) to the end of the page.
        await page.FocusAsync("#planner-toggle");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Shift+Tab");

        var seen = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            if (i > 0)
            {
                await page.Keyboard.PressAsync("Tab");
            }
            var focus = await page.EvaluateAsync<JsonElement>("""
                () => {
                  const e = document.activeElement;
                  const s = getComputedStyle(e);
                  const name = e.id ? '#' + e.id : e.tagName.toLowerCase() + '.' + [...e.classList].join('.') + (e.dataset.stationId ? '[' + e.dataset.stationId + ']' : '');
                  const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
                  return { name, ring, visible: e.matches(':focus-visible') };
                }
                """);
            var name = focus.GetProperty("name").GetString()!;
            if (name == "body.")
            {
                break;
            }
            seen.Add(name);
            Assert.True(focus.GetProperty("visible").GetBoolean() && focus.GetProperty("ring").GetBoolean(), $"{name} shows no focus ring");
            if (name.Contains("maplibregl-ctrl-zoom-in", StringComparison.Ordinal))
            {
                await MapSite.ScreenshotAsync(page, "focus-zoom-in");
            }
        }
        Assert.Contains(seen, n => n.Contains("maplibregl-ctrl-zoom-in", StringComparison.Ordinal));
        Assert.Contains(seen, n => n.Contains("maplibregl-ctrl-zoom-out", StringComparison.Ordinal));
        Assert.Contains("#open-now", seen);
        Assert.Contains("#filters-clear", seen);
        Assert.Contains("#search-input", seen);
        Assert.Contains(seen, n => n.Contains("button.station", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Touch_targets_are_at_least_44_by_44_px_on_the_list_the_card_and_the_planner()
    {
        var page = await site.OpenAsync();
        await MapSite.LocateAsync(page);
        await page.ClickAsync("#filters-toggle");
        await AssertTargetsAsync(page, "list with filters", "#lang", "#planner-toggle", ".maplibregl-ctrl-zoom-in", ".maplibregl-ctrl-zoom-out",
            ".maplibregl-ctrl-attrib-button", "#locate", "#open-now", "#filters-clear", "#tab-favourites", "#nearest button.station", "#search-input");

        await page.FillAsync("#search-input", "前门");
        await page.WaitForSelectorAsync("#search-results [role=option]");
        await AssertTargetsAsync(page, "search suggestions", "#search-input", "#search-clear", "#search-results [role=option]");
        await page.ClickAsync("#search-clear");

        await page.Locator("#nearest button.station").First.ClickAsync();
        await page.WaitForSelectorAsync("#card:not([hidden]) #card-name");
        await AssertTargetsAsync(page, "card", "#favourite", "#card-close", "#nav-amap", "#share", "#card a[href^='tel:']");
        await page.ClickAsync("#card-close");

        await OpenPlannerCoverageAsync(page);
        await AssertTargetsAsync(page, "planner", "#planner-fold", "#planner select[name=layer]", "#planner input[name=radius]",
            "#planner button[name=coverage]", "#planner .planner-districts button.sort");
    }

    [Fact]
    public async Task The_truck_panel_has_44_px_targets_and_no_serious_axe_violation()
    {
        var page = await site.OpenAsync();
        await page.ClickAsync("#truck-toggle");
        await page.WaitForSelectorAsync("#truck-checkpoint option", new() { State = WaitForSelectorState.Attached });
        await page.ClickAsync(".truck-paste summary");
        await AssertTargetsAsync(page, "truck panel", "#truck-checkpoint", "#truck-length", "#truck-hazmat", "#truck-checkpoint-stops",
            "#truck-draw", "#truck-route", "#truck-corridor", "#truck-route-stops");
        await Axe.AssertNoSeriousViolationsAsync(page, "truck panel");
        await MapSite.ScreenshotAsync(page, "truck-panel-targets");
    }

    [Fact]
    public async Task The_header_follows_the_language_switch_without_a_reload()
    {
        var page = await site.OpenAsync();
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        Assert.Equal(("户外劳动者驿站", "规划", "EN"), await HeaderAsync(page));
        Assert.Equal("放大", await page.GetAttributeAsync(".maplibregl-ctrl-zoom-in", "aria-label"));

        await page.ClickAsync("#lang");

        Assert.Equal(("Worker rest stops", "Plan", "中文"), await HeaderAsync(page));
        Assert.Equal("Plan: open or close the planner view", await page.GetAttributeAsync("#planner-toggle", "aria-label"));
        Assert.Equal("Worker rest stops", await page.TitleAsync());
        Assert.Equal("Map", await page.GetAttributeAsync("#map", "aria-label"));
        Assert.Equal("Zoom in", await page.GetAttributeAsync(".maplibregl-ctrl-zoom-in", "aria-label"));
        Assert.Equal("Zoom out", await page.GetAttributeAsync(".maplibregl-ctrl-zoom-out", "title"));
        // Nothing in the header stays Chinese but the button that switches back to it.
        var chinese = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('header, header *')]
              .flatMap(e => [e.id === 'lang' ? '' : [...e.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join(''),
                             e.id === 'lang' ? '' : e.getAttribute('aria-label') ?? '', e.getAttribute('title') ?? ''])
              .filter(t => /[\u4e00-\u9fff]/.test(t))
            """);
        Assert.Empty(chinese);
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        await MapSite.ScreenshotAsync(page, "header-en");

        await page.ClickAsync("#lang");
        Assert.Equal(("户外劳动者驿站", "规划", "EN"), await HeaderAsync(page));
    }

    private static async Task<(string, string, string)> HeaderAsync(IPage page) =>
        (await page.InnerTextAsync("#title"), await page.InnerTextAsync("#planner-toggle"), await page.InnerTextAsync("#lang"));

    /// <summary>Every visible control on the page is at least 44×44 CSS px, and each named one is among them.</summary>
    private static async Task AssertTargetsAsync(IPage page, string screen, params string[] named)
    {
        foreach (var selector in named)
        {
            Assert.True(await page.Locator(selector).First.IsVisibleAsync(), $"{screen}: {selector} is not on screen");
        }
        var small = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('button, a[href], input, select, textarea, summary, [role=tab], [tabindex]:not([tabindex="-1"])')]
              .filter(e => e.offsetParent !== null || getComputedStyle(e).position === 'fixed')
              .map(e => ({ e, r: e.getBoundingClientRect() }))
              .filter(({ r }) => r.width > 0 && r.height > 0 && (r.width < 43.5 || r.height < 43.5))
              .map(({ e, r }) => (e.id ? '#' + e.id : e.tagName.toLowerCase() + '.' + [...e.classList].join('.')) + ` ${r.width.toFixed(1)}×${r.height.toFixed(1)}`)
            """);
        Assert.True(small.Length == 0, $"{screen}: under 44×44 px: " + string.Join(", ", small));
    }

    private static async Task OpenPlannerCoverageAsync(IPage page)
    {
        await page.ClickAsync("#planner-toggle");
        await page.WaitForSelectorAsync("#planner select[name=layer] option[value=freight_drivers]", new() { State = WaitForSelectorState.Attached });
        await page.ClickAsync("#planner button[name=coverage]");
        await page.WaitForSelectorAsync("#planner .planner-districts tbody tr");
    }

    private static Task<string> ActiveAsync(IPage page, string read) =>
        page.EvaluateAsync<string>($"() => ({read})(document.activeElement)");
}
