using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using StationMap.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;

namespace StationMap.Browser.Tests.Infrastructure;

/// <summary>
/// A class fixture: the API with the built map client on a real port (Kestrel, so Chromium can reach it), on this
/// class's own demo database, and one headless Debian Chromium. Every browser context it makes refuses requests that
/// leave the machine, so the tests never need the internet and prove the page works without basemap tiles.
/// </summary>
public class MapSite : IAsyncLifetime
{
    /// <summary>The instant the API and the page both see: Tuesday 24 November 2026, 10:00 in Beijing.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private string _database = "";

    /// <summary>The database the API reads, for asking it directly what the page should show.</summary>
    public string ConnectionString => TestDatabases.ConnectionStringFor(_database);

    /// <summary>Data beyond the demo data, loaded before the API starts (it reads the stations into memory then).</summary>
    protected virtual Task SeedAsync(string connectionString) => Task.CompletedTask;

    /// <summary>Configuration the API starts with, beyond the test database and clock.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();
    private SiteFactory _factory = null!;
    private IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The API's services (e.g. to make an operator key).</summary>
    public IServiceProvider Services => _factory.Services;

    /// <summary>A client for asking the API directly what the page should show.</summary>
    public HttpClient Api { get; private set; } = null!;

    /// <summary>How many requests to other hosts (basemap tiles) the contexts refused.</summary>
    public int BlockedRequests => _blocked;

    private int _blocked;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(RepositoryRoot, "api", "StationMap.Api", "wwwroot", "index.html")))
        {
            throw new InvalidOperationException("The map client is not built: run `npm ci && npm run build` in map-client/ (scripts/test.sh does).");
        }
        _database = await TestDatabases.CreateWithDemoDataAsync("browser");
        await SeedAsync(ConnectionString);
        // One loopback address drives every page of a class in quick succession (many "users" at once); the rate
        // limiter has tests of its own, so here loopback is exempt unless a class sets otherwise.
        var settings = new Dictionary<string, string?> { ["RateLimits:ExemptLoopback"] = "true" };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }
        _factory = new SiteFactory(TestDatabases.ConnectionStringFor(_database), settings);
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseAddress = _factory.ClientOptions.BaseAddress;
        Api = new HttpClient { BaseAddress = BaseAddress };
        await ReadyAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>
    /// Waits until the API has its station index in memory: until then the station tiles answer 503, and MapLibre does
    /// not ask for a failed tile again.
    /// </summary>
    private async Task ReadyAsync()
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            using var response = await Api.GetAsync("/healthz/ready");
            if (response.IsSuccessStatusCode && !(await response.Content.ReadAsStringAsync()).Contains("Degraded", StringComparison.Ordinal))
            {
                return;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("The API's station index did not load within two minutes.");
    }

    /// <summary>A fresh phone-sized page (own storage, fixed position over Beijing, fixed clock) on the map.</summary>
    /// <param name="watch">Called before the page loads, to watch its traffic from the first request.</param>
    /// <param name="now">The phone's clock; <see cref="Now"/> when not given.</param>
    public async Task<IPage> OpenAsync(
        string path = "/", int width = 360, int height = 640, string locale = "zh-CN", Action<IPage>? watch = null, DateTimeOffset? now = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = 1,
            HasTouch = true,
            Locale = locale,
            TimezoneId = "Asia/Shanghai",
            Geolocation = new Geolocation { Latitude = 39.9087f, Longitude = 116.3975f },
            Permissions = ["geolocation"],
        });
        await context.RouteAsync("**/*", async route =>
        {
            var host = new Uri(route.Request.Url).Host;
            if (host is "127.0.0.1" or "localhost" or "[::1]")
            {
                await route.ContinueAsync();
            }
            else
            {
                Interlocked.Increment(ref _blocked);
                await route.AbortAsync("internetdisconnected");
            }
        });
        var page = await context.NewPageAsync();
        WatchPolicyViolations(page);
        watch?.Invoke(page);
        await page.Clock.SetFixedTimeAsync((now ?? Now).UtcDateTime);
        await page.GotoAsync(path);
        await page.WaitForSelectorAsync("body[data-ready='true']");
        return page;
    }

    /// <summary>Taps "定位我" (the context's position is Tiananmen) and waits for the nearest list it brings.</summary>
    public static async Task LocateAsync(IPage page)
    {
        await page.RunAndWaitForResponseAsync(
            () => page.ClickAsync("#locate"), r => r.Url.Contains("/api/stations/nearest", StringComparison.Ordinal));
        await page.WaitForSelectorAsync("#nearest li button.station");
        await page.WaitForFunctionAsync("() => !document.getElementById('panel').hasAttribute('aria-busy')");
    }

    /// <summary>The station ids a list on the page shows, in its order.</summary>
    public static Task<long[]> ListedIdsAsync(IPage page, string list = "#nearest") =>
        page.Locator($"{list} button.station").EvaluateAllAsync<long[]>("els => els.map(e => Number(e.dataset.stationId))");

    /// <summary>The operators' moderation page in a fresh desktop-sized page (it waits for nothing on the map).</summary>
    public Task<IPage> OpenModerationAsync() => OpenPageAsync("/moderation.html", "#moderation-load");

    /// <summary>One of the operators' pages in a fresh desktop-sized page, once <paramref name="ready"/> is on it.</summary>
    public async Task<IPage> OpenPageAsync(string path, string ready)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1024, Height = 768 }, Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();
        WatchPolicyViolations(page);
        await page.GotoAsync(path);
        await page.WaitForSelectorAsync(ready);
        return page;
    }

    /// <summary>Waits until the map stands still with every tile of its sources loaded and drawn.</summary>
    public static Task MapIdleAsync(IPage page) => page.EvaluateAsync(
        "() => new Promise(resolve => { const m = document.getElementById('map').stationMap;" +
        " if (!m.isMoving() && m.loaded() && m.areTilesLoaded()) resolve(); else m.once('idle', () => resolve(true)); })");

    /// <summary>How many features of a map layer are drawn on screen.</summary>
    public static Task<int> DrawnCountAsync(IPage page, string layer) => page.EvaluateAsync<int>(
        "layer => document.getElementById('map').stationMap.queryRenderedFeatures({ layers: [layer] }).length", layer);

    /// <summary>
    /// Waits until a layer draws <paramref name="count"/> features. A source's new data is drawn by a later frame
    /// (its worker parses it first), so a count read straight after a click can still be the old one.
    /// </summary>
    public static async Task<int> DrawnCountSettlesAtAsync(IPage page, string layer, int count)
    {
        try
        {
            await page.WaitForFunctionAsync(
                "([layer, count]) => document.getElementById('map').stationMap.queryRenderedFeatures({ layers: [layer] }).length === count",
                new object[] { layer, count }, new PageWaitForFunctionOptions { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            // The caller's assertion reports the count that was drawn instead.
        }
        return await DrawnCountAsync(page, layer);
    }

    /// <summary>
    /// Waits until the page's own address has the hash <paramref name="hash"/>, read in the page: Playwright's URL waits
    /// listen for navigation events, and a same-document hash change under a loaded machine was once missed by them.
    /// A timeout fails with what the page showed (address, focus, the search box), so a failure says why.
    /// </summary>
    public static async Task HashSettlesAtAsync(IPage page, string hash)
    {
        try
        {
            await page.WaitForFunctionAsync("hash => location.hash === hash", hash, new PageWaitForFunctionOptions { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            var seen = await page.EvaluateAsync<string>("""
                () => JSON.stringify({ hash: location.hash, focus: document.activeElement?.id ?? null,
                  search: document.getElementById('search-input')?.value ?? null,
                  expanded: document.getElementById('search-input')?.getAttribute('aria-expanded') ?? null,
                  options: document.querySelectorAll('#search-results [role=option]').length,
                  note: document.getElementById('search-note')?.textContent ?? null })
                """);
            throw new TimeoutException($"The page's hash never became {hash}; the page showed {seen}.");
        }
    }

    private static readonly ConditionalWeakTable<IPage, ConcurrentQueue<string>> Violations = new();

    /// <summary>
    /// Starts recording what the page's Content-Security-Policy refused: Chromium reports each refusal on the console
    /// ("Refused to load … because it violates the following Content Security Policy directive …").
    /// </summary>
    public static void WatchPolicyViolations(IPage page)
    {
        var refused = Violations.GetOrCreateValue(page);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refused.Enqueue(message.Text);
            }
        };
    }

    /// <summary>What the page's Content-Security-Policy refused so far (pages made by <see cref="OpenAsync"/> are watched).</summary>
    public static IReadOnlyCollection<string> PolicyViolations(IPage page) => Violations.GetOrCreateValue(page).ToArray();

    /// <summary>
    /// Saves what the page looks like under .stationmap/screenshots; with STATIONMAP_UPDATE_DOCS=1 also the copy the
    /// README shows (off by default, so a test run leaves the checkout clean). Answers the PNG.
    /// </summary>
    /// <param name="selector">Only this element of the page, when given.</param>
    public static async Task<byte[]> ScreenshotAsync(IPage page, string name, string? docsName = null, string? selector = null)
    {
        // Let the map finish drawing the last change before the picture is taken.
        await page.WaitForTimeoutAsync(600);
        var folder = Path.Combine(RepositoryRoot, ".stationmap", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        var bytes = selector is null
            ? await page.ScreenshotAsync(new PageScreenshotOptions { Path = path })
            : await page.Locator(selector).ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        if (docsName is not null && Environment.GetEnvironmentVariable("STATIONMAP_UPDATE_DOCS") == "1")
        {
            await File.WriteAllBytesAsync(Path.Combine(RepositoryRoot, "docs", docsName), bytes);
        }
        return bytes;
    }

    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StationMap.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("StationMap.sln not found above " + AppContext.BaseDirectory);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        Api.Dispose();
        await _factory.DisposeAsync();
        await TestDatabases.DropAsync(_database);
    }

    private sealed class SiteFactory(string connectionString, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:StationMap", connectionString);
            builder.UseEnvironment("Testing");
            // The page reads; no background jobs are needed behind it.
            builder.UseSetting("Hangfire:Server:Enabled", "false");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
            builder.ConfigureServices(services =>
            {
                // "Open now" in the API must agree with the page's clock.
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(new StationMap.Integration.Tests.Infrastructure.PinnedClock(Now));
            });
        }
    }
}
