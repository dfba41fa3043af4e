using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using StationMap.Integration.Tests.Infrastructure;
using StationMap.Store.Operators;

namespace StationMap.Integration.Tests.Security;

/// <summary>
/// The Hangfire dashboard as a browser uses it: a Basic login with the operator key, posts that carry the dashboard's
/// antiforgery token and come from this site, and problems (never a 500) for whatever else arrives.
/// </summary>
public sealed partial class DashboardTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private const string Trigger = "/hangfire/recurring/trigger";
    private const string Job = "refresh:dashboard-feed";

    private StationMapFactory _factory = null!;
    private HttpClient _client = null!;
    private AuthenticationHeaderValue _operator = null!;
    private AuthenticationHeaderValue _planner = null!;

    public async Task InitializeAsync()
    {
        _factory = new StationMapFactory(database.ConnectionString, new Dictionary<string, string?>
        {
            ["Refresh:Sources:0:Name"] = "dashboard-feed",
            ["Refresh:Sources:0:Location"] = "/nonexistent/dashboard-feed.csv",
        });
        // Cookies on, as in a browser: the antiforgery token comes with a cookie.
        _client = _factory.CreateClient();
        var keys = _factory.Services.GetRequiredService<OperatorKeys>();
        _operator = Basic(await keys.CreateAsync("dashboard-ops", "operator", CancellationToken.None));
        _planner = Basic(await keys.CreateAsync("dashboard-planner", "planner", CancellationToken.None));
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_post_with_the_dashboards_token_from_this_site_triggers_the_job()
    {
        var (header, token) = await AntiforgeryAsync();
        using var request = TriggerRequest(_operator);
        request.Headers.Add(header, token);
        request.Headers.Add("Origin", _client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        var response = await _client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static TheoryData<string, string> CrossSite() => new()
    {
        { "Origin", "https://evil.example" },
        { "Origin", "null" },
        { "Sec-Fetch-Site", "cross-site" },
        { "Sec-Fetch-Site", "same-site" },
    };

    [Theory]
    [MemberData(nameof(CrossSite))]
    public async Task A_cross_site_post_is_refused_even_with_credentials_and_a_token(string header, string value)
    {
        var (tokenHeader, token) = await AntiforgeryAsync();
        using var request = TriggerRequest(_operator);
        request.Headers.Add(tokenHeader, token);
        request.Headers.Add(header, value);
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Cross-site", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        using var request = TriggerRequest(_operator);
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("planner", HttpStatusCode.Forbidden)]
    public async Task A_browser_asking_for_html_gets_a_problem_not_a_500(string? role, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        request.Headers.Accept.ParseAdd("text/html");
        request.Headers.Authorization = role is null ? null : _planner;
        var response = await _client.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (expected == HttpStatusCode.Unauthorized)
        {
            // One scheme only: Chromium shows its login prompt for this, not for "Bearer, Basic".
            Assert.Equal("Basic realm=\"StationMap operators\", charset=\"UTF-8\"", response.Headers.WwwAuthenticate.ToString());
        }
    }

    [Fact]
    public async Task Stats_answer_the_dashboards_post_and_a_problem_otherwise()
    {
        var (header, token) = await AntiforgeryAsync();
        using var post = new HttpRequestMessage(HttpMethod.Post, "/hangfire/stats")
        {
            Content = new FormUrlEncodedContent([new("metrics[]", "enqueued:count"), new("metrics[]", "recurring:count")]),
        };
        post.Headers.Authorization = _operator;
        post.Headers.Add(header, token);
        var stats = await _client.SendAsync(post);
        Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
        Assert.Contains("recurring:count", await stats.Content.ReadAsStringAsync());

        using var get = new HttpRequestMessage(HttpMethod.Get, "/hangfire/stats");
        get.Headers.Authorization = _operator;
        var opened = await _client.SendAsync(get);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, opened.StatusCode);
        Assert.Equal("application/problem+json", opened.Content.Headers.ContentType?.MediaType);

        using var bare = new HttpRequestMessage(HttpMethod.Post, "/hangfire/stats");
        bare.Headers.Authorization = _operator;
        bare.Headers.Add(header, token);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await _client.SendAsync(bare)).StatusCode);
    }

    /// <summary>The token header and value the dashboard writes into its pages for its scripts to send back.</summary>
    private async Task<(string Header, string Token)> AntiforgeryAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire/recurring");
        request.Headers.Authorization = _operator;
        var page = await (await _client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains(Job, page);
        var header = AntiforgeryHeader().Match(page);
        var token = AntiforgeryToken().Match(page);
        Assert.True(header.Success && token.Success, "the dashboard page carries no antiforgery token");
        return (header.Groups[1].Value, WebUtility.HtmlDecode(token.Groups[1].Value));
    }

    private static HttpRequestMessage TriggerRequest(AuthenticationHeaderValue credentials)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Trigger)
        {
            Content = new FormUrlEncodedContent([new("jobs[]", Job)]),
        };
        request.Headers.Authorization = credentials;
        return request;
    }

    private static AuthenticationHeaderValue Basic(string key) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("ops:" + key)));

    [GeneratedRegex("<meta name=\"csrf-header\" content=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryHeader();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
