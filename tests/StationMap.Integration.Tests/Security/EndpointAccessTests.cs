using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using StationMap.Integration.Tests.Infrastructure;

namespace StationMap.Integration.Tests.Security;

/// <summary>
/// Walks every endpoint the app maps: an endpoint that changes something, or a read under a keyed prefix, must carry an
/// authorization policy and answer an anonymous request (and one with an unknown key) with 401. A new endpoint mapped
/// without a policy fails here, whoever adds it.
/// </summary>
public sealed class EndpointAccessTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    /// <summary>Reads that need a key: they name people, hold expensive results or show operations' internals.</summary>
    private static readonly string[] KeyedReads =
    [
        "/hangfire", "/api/planning/runs", "/api/imports", "/api/sources", "/api/admin", "/api/reports", "/api/moderation",
        "/api/exports", "/api/places", "/ogc/collections/demand", "/ogc/collections/candidates", "/ogc/collections/planning-run-",
    ];

    /// <summary>Endpoints that are not GET and still open to anyone, each with the reason.</summary>
    private static readonly Dictionary<string, string> OpenWrites = new()
    {
        ["POST /api/routes/stops"] = "a search whose route is too long for a URL; it changes nothing",
        ["POST /api/stations/{id:long}/checkins"] = "anonymous by design (a device id, no account); held by its own per-device and per-address limits",
    };

    private StationMapFactory _factory = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _factory = new StationMapFactory(database.ConnectionString, new Dictionary<string, string?>
        {
            ["Refresh:Sources:0:Name"] = "walk-feed",
            ["Refresh:Sources:0:Location"] = "/nonexistent/walk-feed.csv",
        });
        _client = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Every_write_and_every_keyed_read_refuses_anonymous_requests()
    {
        var endpoints = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var failures = new List<string>();
        var checkedPaths = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var path = SamplePath(endpoint.RoutePattern);
            foreach (var method in Methods(endpoint))
            {
                var name = $"{method} {endpoint.RoutePattern.RawText}";
                var keyedRead = KeyedReads.Any(prefix => path.StartsWith(prefix, StringComparison.Ordinal));
                if ((method == HttpMethods.Get && !keyedRead) || OpenWrites.ContainsKey(name))
                {
                    continue;
                }
                checkedPaths.Add(path);
                if (endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0 || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
                {
                    failures.Add($"{name}: no authorization policy");
                }
                var challenge = path.StartsWith("/hangfire", StringComparison.Ordinal) ? "Basic" : "Bearer";
                foreach (var key in new[] { null, "smk_thisisnotarealkey" })
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), path);
                    if (key is not null)
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
                    }
                    using var response = await _client.SendAsync(request);
                    var schemes = response.Headers.WwwAuthenticate.Select(h => h.Scheme).ToList();
                    if (response.StatusCode != HttpStatusCode.Unauthorized || schemes.SingleOrDefault() != challenge)
                    {
                        failures.Add($"{method} {path} {(key is null ? "anonymous" : "unknown key")}: {(int)response.StatusCode}, challenge [{string.Join(", ", schemes)}]");
                    }
                }
            }
        }
        Assert.Empty(failures);
        // Each keyed prefix was met, so a renamed route cannot leave this test checking nothing.
        Assert.All(KeyedReads, prefix => Assert.Contains(checkedPaths, p => p.StartsWith(prefix, StringComparison.Ordinal)));
    }

    /// <summary>The endpoint's methods; Hangfire's dashboard is one endpoint for any method, so it is tried with both.</summary>
    private static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods
            ? methods.Where(m => m != HttpMethods.Head)
            : [HttpMethods.Get, HttpMethods.Post];

    /// <summary>A path the pattern matches: numbers for numeric parameters, a word for the rest.</summary>
    private static string SamplePath(RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart { IsCatchAll: true } => "recurring",
            RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content is "long" or "int") => "1",
            _ => "walk-feed",
        }))));
}
