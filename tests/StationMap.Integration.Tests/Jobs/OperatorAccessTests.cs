using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StationMap.Integration.Tests.Infrastructure;
using StationMap.Store.Operators;

namespace StationMap.Integration.Tests.Jobs;

/// <summary>
/// Write endpoints and the dashboard are for operators only; keys are stored hashed. That no endpoint answers without a
/// key is <see cref="Security.EndpointAccessTests"/>'s.
/// </summary>
public sealed class OperatorAccessTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private StationMapFactory _factory = null!;
    private HttpClient _client = null!;
    private string _operatorKey = "";
    private string _plannerKey = "";

    public async Task InitializeAsync()
    {
        _factory = new StationMapFactory(database.ConnectionString, new Dictionary<string, string?>
        {
            ["Refresh:Sources:0:Name"] = "union-feed",
            ["Refresh:Sources:0:Location"] = "/nonexistent/union-feed.csv",
            ["Hangfire:Server:Enabled"] = "false",
        });
        _client = _factory.CreateClient();
        var keys = _factory.Services.GetRequiredService<OperatorKeys>();
        _operatorKey = await keys.CreateAsync("ops-test", "operator", CancellationToken.None);
        _plannerKey = await keys.CreateAsync("planner-test", "planner", CancellationToken.None);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("POST", "/api/admin/sources/union-feed/refresh")]
    [InlineData("GET", "/hangfire")]
    [InlineData("GET", "/api/sources")]
    [InlineData("GET", "/api/imports")]
    public async Task A_planner_key_is_403(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _plannerKey);
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_operator_key_enqueues_a_refresh_and_opens_the_dashboard()
    {
        var refresh = new HttpRequestMessage(HttpMethod.Post, "/api/admin/sources/union-feed/refresh");
        refresh.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _operatorKey);
        var accepted = await _client.SendAsync(refresh);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var body = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("union-feed", body.GetProperty("source").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("jobId").GetString()));

        var unknown = new HttpRequestMessage(HttpMethod.Post, "/api/admin/sources/no-such-feed/refresh");
        unknown.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _operatorKey);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.SendAsync(unknown)).StatusCode);

        // A browser sends the key as the Basic password after the login prompt.
        var dashboard = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        dashboard.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("ops:" + _operatorKey)));
        var page = await _client.SendAsync(dashboard);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Hangfire", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Keys_are_stored_only_as_hashes()
    {
        await using var command = database.DataSources.Read.CreateCommand(
            "SELECT key_hash, key_prefix, row_to_json(k)::text FROM operator_key k WHERE name = 'ops-test'");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(OperatorKeys.Hash(_operatorKey), reader.GetFieldValue<byte[]>(0));
        Assert.StartsWith(reader.GetString(1), _operatorKey, StringComparison.Ordinal);
        Assert.DoesNotContain(_operatorKey, reader.GetString(2));
        Assert.DoesNotContain(_operatorKey[10..], reader.GetString(2));
    }

    [Fact]
    public async Task Sources_are_listed_for_operators()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.GetAsync("/api/sources")).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/sources");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _operatorKey);
        var sources = JsonDocument.Parse(await (await _client.SendAsync(request)).Content.ReadAsStringAsync()).RootElement;
        var source = Assert.Single(sources.EnumerateArray());
        Assert.Equal("union-feed", source.GetProperty("name").GetString());
        Assert.Equal("0 3 * * *", source.GetProperty("cron").GetString());
    }
}
