using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using StationMap.Integration.Tests.Infrastructure;

namespace StationMap.Integration.Tests.Checkins;

/// <summary>
/// The QR code at a station's door and its A5 poster: the SVG, drawn and read by ZBar as a phone camera would, holds
/// exactly the station's check-in address; the poster carries the same code.
/// </summary>
public sealed partial class StationQrTests(DemoDatabase database) : DemoApiTests(database)
{
    private const string PublicSite = "https://stationmap.example.cn/map/";

    [Fact]
    public async Task The_code_holds_the_check_in_address_on_the_configured_public_site()
    {
        var station = await LiveStationAsync();
        await using var factory = new StationMapFactory(Database.ConnectionString, new Dictionary<string, string?> { ["Checkins:PublicBaseUrl"] = PublicSite });
        var response = await factory.CreateClient().GetAsync($"/api/stations/{station}/qr.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=86400", response.Headers.CacheControl?.ToString());
        Assert.Equal($"https://stationmap.example.cn/map/#/station/{station}/checkin", await QrCodes.DecodeSvgAsync(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Without_a_configured_site_the_code_names_the_host_asked()
    {
        var station = await LiveStationAsync();
        var svg = await Client.GetStringAsync($"/api/stations/{station}/qr.svg");
        Assert.Equal($"http://localhost/#/station/{station}/checkin", await QrCodes.DecodeSvgAsync(svg));
    }

    [Theory]
    [InlineData(true, "https")]
    [InlineData(false, "http")]
    public async Task Behind_a_trusted_proxy_the_code_takes_the_scheme_the_proxy_names(bool trusted, string scheme)
    {
        var station = await LiveStationAsync();
        var settings = new Dictionary<string, string?> { ["RateLimits:ExemptLoopback"] = "true" };
        if (trusted)
        {
            settings["Network:TrustedProxies:0"] = "127.0.0.1";
        }
        await using var factory = new StationMapFactory(Database.ConnectionString, settings);
        factory.UseKestrel(0);
        factory.StartServer();
        using var client = new HttpClient { BaseAddress = factory.ClientOptions.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/stations/{station}/qr.svg");
        request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await client.SendAsync(request);

        var host = factory.ClientOptions.BaseAddress.Authority;
        Assert.Equal($"{scheme}://{host}/#/station/{station}/checkin", await QrCodes.DecodeSvgAsync(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_poster_names_the_station_and_carries_the_same_code()
    {
        var station = await LiveStationAsync();
        var (name, address) = await NameAndAddressAsync(station);
        var response = await Client.GetAsync($"/stations/{station}/poster");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<h1>{name}</h1>", html);
        Assert.Contains(address, html);
        Assert.Contains("扫码签到 · 我在这里休息", html);
        Assert.Matches("暖心驿站|职工之家|检查站休息点", html);
        Assert.Contains("""<link rel="stylesheet" href="../poster.css">""", html);
        Assert.Equal($"http://localhost/#/station/{station}/checkin", await QrCodes.DecodeSvgAsync(InlineSvg().Match(html).Value));

        var css = await Client.GetAsync("/stations/poster.css");
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains("size: A5", await css.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task What_an_import_put_in_a_name_is_shown_never_run()
    {
        var station = await LiveStationAsync(skip: 1);
        await ExecuteAsync("UPDATE station SET name = '<script>alert(1)</script> & 驿站', address = '\"><img src=x onerror=alert(2)>' WHERE id = @id", station);

        var html = await Client.GetStringAsync($"/stations/{station}/poster");

        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; 驿站", html);
    }

    [Fact]
    public async Task A_retired_station_has_no_code_and_its_poster_says_it_is_closed()
    {
        var station = await LiveStationAsync(skip: 2);
        await ExecuteAsync("UPDATE station SET retired_at = now() WHERE id = @id", station);

        var code = await Client.GetAsync($"/api/stations/{station}/qr.svg");
        Assert.Equal(HttpStatusCode.Gone, code.StatusCode);
        Assert.Equal("application/problem+json", code.Content.Headers.ContentType?.MediaType);

        var poster = await Client.GetAsync($"/stations/{station}/poster");
        Assert.Equal(HttpStatusCode.OK, poster.StatusCode);
        var html = await poster.Content.ReadAsStringAsync();
        Assert.Contains("本站已停止服务", html);
        Assert.DoesNotContain("<svg", html);
        Assert.DoesNotContain("扫码签到", html);
    }

    [Theory]
    [InlineData("/api/stations/987654321/qr.svg")]
    [InlineData("/stations/987654321/poster")]
    public async Task An_unknown_station_is_a_404_problem(string path)
    {
        var response = await Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("ftp://stationmap.example.cn")]
    [InlineData("stationmap.example.cn")]
    [InlineData("https://stationmap.example.cn/?from=qr")]
    public void A_public_site_that_is_not_an_http_address_stops_the_start(string site)
    {
        using var factory = new StationMapFactory(Database.ConnectionString, new Dictionary<string, string?> { ["Checkins:PublicBaseUrl"] = site });
        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Checkins:PublicBaseUrl", failure.ToString());
    }

    private async Task<long> LiveStationAsync(int skip = 0)
    {
        await using var command = Database.DataSources.Read.CreateCommand(
            "SELECT id FROM station WHERE retired_at IS NULL AND address IS NOT NULL ORDER BY id OFFSET @skip LIMIT 1");
        command.Parameters.Add(new NpgsqlParameter<int>("skip", skip));
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<(string Name, string Address)> NameAndAddressAsync(long station)
    {
        await using var command = Database.DataSources.Read.CreateCommand("SELECT name, address FROM station WHERE id = @id");
        command.Parameters.Add(new NpgsqlParameter<long>("id", station));
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), reader.GetString(1));
    }

    private async Task ExecuteAsync(string sql, long station)
    {
        await using var command = Database.DataSources.Write.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<long>("id", station));
        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex("<svg.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex InlineSvg();
}
