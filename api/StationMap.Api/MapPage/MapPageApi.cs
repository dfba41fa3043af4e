using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using StationMap.Api.Infrastructure;

namespace StationMap.Api.MapPage;

/// <summary><c>/api/config</c>: what the web map needs to draw its basemap.</summary>
public static class MapPageApi
{
    public static IEndpointRouteBuilder MapMapPageApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/config").WithTags("Map").RequireRateLimiting(RateLimitPolicies.Lookup)
            .MapGet("/", GetConfig)
            .WithName("MapConfig")
            .WithSummary("Basemap tile URL, attribution, maximum zoom and datum (wgs84 or gcj02) for the web map");
        return app;
    }

    internal static Ok<MapConfig> GetConfig(IOptions<MapOptions> options)
    {
        var o = options.Value;
        return TypedResults.Ok(new MapConfig(o.TileUrl, o.Attribution, o.MaxZoom, o.BasemapCrs));
    }
}

/// <summary>The basemap as the page sees it.</summary>
public sealed record MapConfig(string TileUrl, string Attribution, int MaxZoom, string BasemapCrs);
