using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using StationMap.Integration.Tests.Infrastructure;
using StationMap.Store.Operators;

namespace StationMap.Integration.Tests.Security;

/// <summary>Public reads may be read from any origin without credentials; nothing else gets a CORS grant.</summary>
public sealed class CorsTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private const string Elsewhere = "https://elsewhere.example";
    private const string Nearest = "/api/stations/nearest?lat=39.9087&lon=116.3975&k=3";

    private StationMapFactory _factory = null!;
    private HttpClient _client = null!;
    private string _operatorKey = "";

    public async Task InitializeAsync()
    {
        _factory = new StationMapFactory(database.ConnectionString);
        _client = _factory.CreateClient();
        _operatorKey = await _factory.Services.GetRequiredService<OperatorKeys>().CreateAsync("cors-ops", "operator", CancellationToken.None);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData(Nearest)]
    [InlineData("/api/config")]
    [InlineData("/api/planning/layers")]
    public async Task A_public_read_is_readable_from_any_origin(string path)
    {
        using var preflight = Preflight(path, "GET");
        var answer = await _client.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Equal("*", answer.Header("Access-Control-Allow-Origin"));

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", Elsewhere);
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", response.Header("Access-Control-Allow-Origin"));
        Assert.Empty(response.Header("Access-Control-Allow-Credentials"));
    }

    [Theory]
    [InlineData("POST", "/api/routes/stops")]
    [InlineData("POST", "/api/planning/runs")]
    [InlineData("POST", "/api/admin/sources/any/refresh")]
    [InlineData("POST", "/hangfire/recurring/trigger")]
    public async Task A_write_gets_no_grant(string method, string path)
    {
        using var preflight = Preflight(path, method);
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type, authorization");
        var answer = await _client.SendAsync(preflight);
        Assert.Empty(answer.Header("Access-Control-Allow-Origin"));
        Assert.Empty(answer.Header("Access-Control-Allow-Methods"));
    }

    [Theory]
    [InlineData("/api/imports")]
    [InlineData("/api/sources")]
    [InlineData("/hangfire")]
    public async Task A_keyed_read_gets_no_grant_and_a_key_cannot_be_sent_cross_origin(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", Elsewhere);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _operatorKey);
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Header("Access-Control-Allow-Origin"));

        using var preflight = Preflight(path, "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization");
        var answer = await _client.SendAsync(preflight);
        Assert.DoesNotContain("authorization", answer.Header("Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
    }

    private static HttpRequestMessage Preflight(string path, string method)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", Elsewhere);
        request.Headers.Add("Access-Control-Request-Method", method);
        return request;
    }
}
