using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using StationMap.Api.Stations;
using StationMap.Integration.Tests.Infrastructure;
using StationMap.Store.Operators;

namespace StationMap.Integration.Tests.Security;

/// <summary>Every answer carries the security headers: the page, its assets, API reads, problems, 401s and the dashboard.</summary>
public sealed class SecurityHeadersTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private const string TileHost = "https://tiles.example.test";

    private StationMapFactory _factory = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _factory = new StationMapFactory(database.ConnectionString, new Dictionary<string, string?>
        {
            ["Map:TileUrl"] = TileHost + "/{z}/{x}/{y}.png",
        });
        _client = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("/", 200)]
    [InlineData("/sw.js", 200)]
    [InlineData("/api/config", 200)]
    [InlineData("/api/stations/nearest?lat=39.9087&lon=116.3975&k=3", 200)]
    [InlineData("/api/stations/nearest?lat=abc&lon=116.3975", 400)]
    [InlineData("/api/no-such-thing", 404)]
    [InlineData("/api/imports", 401)]
    [InlineData("/hangfire", 401)]
    [InlineData("/docs/", 200)]
    public async Task Every_answer_carries_the_headers(string path, int status)
    {
        var response = await _client.GetAsync(path);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", response.Header("Referrer-Policy"));
        Assert.Contains("geolocation=(self)", response.Header("Permissions-Policy"));
        Assert.Equal("same-origin", response.Header("Cross-Origin-Opener-Policy"));
        var policy = response.Header("Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("object-src 'none'", policy);
    }

    [Fact]
    public async Task The_maps_policy_lets_in_the_configured_tile_host_and_no_inline_code()
    {
        var policy = Directives((await _client.GetAsync("/")).Header("Content-Security-Policy"));
        Assert.Contains(TileHost, policy["img-src"]);
        Assert.Contains(TileHost, policy["connect-src"]);
        Assert.Equal(["'self'"], policy["script-src"]);
        Assert.Equal(["'self'"], policy["style-src"]);
        Assert.DoesNotContain(policy.Values.SelectMany(v => v), v => v is "'unsafe-inline'" or "'unsafe-eval'" or "*");
    }

    [Fact]
    public async Task The_dashboard_gets_no_inline_scripts_and_no_tile_host()
    {
        var key = await _factory.Services.GetRequiredService<OperatorKeys>().CreateAsync("headers-ops", "operator", CancellationToken.None);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var policy = Directives((await _client.SendAsync(request)).Header("Content-Security-Policy"));
        Assert.Equal(["'self'"], policy["script-src"]);
        Assert.DoesNotContain(policy["script-src"], v => v is "'unsafe-inline'" or "'unsafe-eval'");
        Assert.DoesNotContain(policy.Values.SelectMany(v => v), v => v is TileHost or "*");
        Assert.Equal(["'self'"], policy["connect-src"]);
    }

    [Theory]
    [InlineData("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org")]
    [InlineData("https://webrd01.is.autonavi.com/appmaptile?lang=zh_cn&x={x}&y={y}&z={z}", "https://webrd01.is.autonavi.com")]
    [InlineData("http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png", "http://127.0.0.1:8080")]
    [InlineData("/tiles/{z}/{x}/{y}.png", "'self'")]
    public void The_tile_origin_comes_from_the_template(string template, string origin) =>
        Assert.Equal(origin, StationMap.Api.Security.ContentSecurityPolicies.TileOrigin(template));

    private static Dictionary<string, string[]> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0], d => d[1..]);
}
