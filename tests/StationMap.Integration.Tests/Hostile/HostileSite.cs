using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using StationMap.Integration.Tests.Infrastructure;

namespace StationMap.Integration.Tests.Hostile;

/// <summary>
/// The API on a real Kestrel socket over the demo data (so Kestrel's own limits apply, as in production), and every
/// endpoint it maps, read from its <see cref="EndpointDataSource"/> so that a new endpoint is attacked without being listed.
/// </summary>
public sealed class HostileSite : IAsyncLifetime
{
    private string _database = "";
    private StationMapFactory _factory = null!;

    public HttpClient Client { get; private set; } = null!;

    public IReadOnlyList<(string Method, RoutePattern Pattern)> Endpoints { get; private set; } = [];

    /// <summary>An operator's key, sent with the keyed reads that the corpus attacks past their door (<see cref="KeyedReads"/>).</summary>
    public string OperatorKey { get; private set; } = "";

    /// <summary>
    /// Keyed reads whose parameters the corpus reaches with <see cref="OperatorKey"/> (without one every case is a 401
    /// before a parameter is read). Reads only: a key sent to writes would change the site under the other cases.
    /// </summary>
    public static IReadOnlyList<string> KeyedReads { get; } = ["/api/exports/"];

    public async Task InitializeAsync()
    {
        _database = await TestDatabases.CreateWithDemoDataAsync("hostile");
        // The corpus asks what each endpoint answers to each input; from one loopback address the rate limiter would
        // answer most of them with a 429 (it has tests of its own), so loopback is exempt here.
        _factory = new StationMapFactory(
            TestDatabases.ConnectionStringFor(_database), new Dictionary<string, string?> { ["RateLimits:ExemptLoopback"] = "true" });
        _factory.UseKestrel(0);
        _factory.StartServer();
        Client = new HttpClient { BaseAddress = _factory.ClientOptions.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        OperatorKey = await _factory.Services.GetRequiredService<StationMap.Store.Operators.OperatorKeys>()
            .CreateAsync("hostile-operator", "operator", CancellationToken.None);
        // Clusters answer from the index only (a 503 before it loads): attack what a running site serves.
        await using (var dataSource = Npgsql.NpgsqlDataSource.Create(TestDatabases.ConnectionStringFor(_database)))
        {
            await NearestIndexProbe.WaitUntilCurrentAsync(Client, dataSource, TimeSpan.FromSeconds(60));
        }
        Endpoints = [.. _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            // The Hangfire dashboard answers HTML, not problems; its doors are tested on their own.
            .Where(e => e.RoutePattern.RawText?.StartsWith("/hangfire", StringComparison.OrdinalIgnoreCase) != true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern)))
            .Distinct()];
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        await TestDatabases.DropAsync(_database);
    }

    /// <summary>The endpoint's path with every route parameter replaced: by <paramref name="value"/>, or a valid-looking one.</summary>
    public static string PathOf(RoutePattern pattern, string? value) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => value ?? parameter.Name switch
            {
                "id" => "1",
                "name" => "demo",
                "documentName" => "v1",
                _ => "0",
            },
            _ => "",
        }))));
}
