using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Npgsql;
using StationMap.Browser.Tests.Infrastructure;
using StationMap.Integration.Tests.Checkins;

namespace StationMap.Browser.Tests;

/// <summary>
/// The A5 door poster as Chromium draws and prints it: under the site's Content-Security-Policy, from this site alone
/// (no web fonts), one A5 sheet, and its QR code, read by ZBar off a screenshot, opens the station's check-in.
/// </summary>
public sealed partial class StationPosterTests(PosterSite site) : IClassFixture<PosterSite>
{
    // 148 mm × 210 mm at CSS's 96 pixels to the inch.
    private const double SheetWidthPx = 148 / 25.4 * 96;
    private const double SheetHeightPx = 210 / 25.4 * 96;

    [Fact]
    public async Task The_poster_shows_the_station_and_its_code_scans_to_the_check_in()
    {
        var station = await StationAsync(retired: false);
        var requests = new ConcurrentQueue<string>();
        var page = await site.OpenAsync($"/stations/{station.Id}/poster", width: 800, height: 880,
            watch: p => p.Request += (_, request) => requests.Enqueue(request.Url));

        Assert.Empty(MapSite.PolicyViolations(page));
        Assert.All(requests, url => Assert.StartsWith(site.BaseAddress.ToString(), url, StringComparison.Ordinal));
        Assert.Equal(station.Name, await page.TextContentAsync("h1"));
        Assert.Contains("扫码签到 · 我在这里休息", await page.TextContentAsync(".prompt"));
        Assert.Equal(station.Address, await page.TextContentAsync(".address"));
        var sheet = (await page.Locator(".sheet").BoundingBoxAsync())!;
        Assert.InRange(sheet.Width, SheetWidthPx - 1, SheetWidthPx + 1);
        Assert.InRange(sheet.Height, SheetHeightPx - 1, SheetHeightPx + 1);

        var png = await MapSite.ScreenshotAsync(page, "poster-a5", docsName: "qr-poster.png", selector: ".sheet");
        Assert.Equal($"{PosterSite.PublicBaseUrl}/#/station/{station.Id}/checkin", await QrCodes.DecodePngAsync(png));
    }

    [Fact]
    public async Task On_a_phone_the_sheet_fits_the_screen_and_the_code_still_scans()
    {
        var station = await StationAsync(retired: false);
        var page = await site.OpenAsync($"/stations/{station.Id}/poster");

        Assert.Empty(MapSite.PolicyViolations(page));
        Assert.Equal(360, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
        var png = await MapSite.ScreenshotAsync(page, "poster-360x640");
        Assert.Equal($"{PosterSite.PublicBaseUrl}/#/station/{station.Id}/checkin", await QrCodes.DecodePngAsync(png));
    }

    [Fact]
    public async Task Printed_it_is_one_A5_page()
    {
        var station = await StationAsync(retired: false);
        var page = await site.OpenAsync($"/stations/{station.Id}/poster", width: 800, height: 880);

        var pdf = Encoding.Latin1.GetString(await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true }));

        Assert.Single(PdfPage().Matches(pdf));
        var box = MediaBox().Match(pdf);
        Assert.True(box.Success, "no MediaBox in the PDF");
        // A5 in PDF points: 419.53 × 595.28.
        Assert.InRange(double.Parse(box.Groups[1].Value, CultureInfo.InvariantCulture), 419, 420.5);
        Assert.InRange(double.Parse(box.Groups[2].Value, CultureInfo.InvariantCulture), 594.5, 596);
    }

    [Fact]
    public async Task A_retired_station_s_poster_says_it_is_closed_and_holds_no_code()
    {
        var station = await StationAsync(retired: true);
        var page = await site.OpenAsync($"/stations/{station.Id}/poster", width: 800, height: 880);

        Assert.Empty(MapSite.PolicyViolations(page));
        Assert.Equal("本站已停止服务", await page.TextContentAsync(".prompt"));
        Assert.Equal(0, await page.Locator("svg").CountAsync());
        await MapSite.ScreenshotAsync(page, "poster-retired", selector: ".sheet");
    }

    private sealed record PosterStation(long Id, string Name, string Address);

    // Live: the first with an address. Retired: the second, retired here first (each test class has its own database).
    private async Task<PosterStation> StationAsync(bool retired)
    {
        await using var dataSource = NpgsqlDataSource.Create(site.ConnectionString);
        await using var command = dataSource.CreateCommand(retired
            ? "UPDATE station SET retired_at = now() WHERE id = (SELECT id FROM station WHERE address IS NOT NULL ORDER BY id OFFSET 1 LIMIT 1) RETURNING id, name, address"
            : "SELECT id, name, address FROM station WHERE address IS NOT NULL AND retired_at IS NULL ORDER BY id LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new PosterStation(reader.GetInt64(0), reader.GetString(1), reader.GetString(2));
    }

    [GeneratedRegex(@"/Type\s*/Page\b(?!s)")]
    private static partial Regex PdfPage();

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]")]
    private static partial Regex MediaBox();
}
