using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using StationMap.Api.Hosting;
using StationMap.Api.Infrastructure;

namespace StationMap.Api.Endpoints;

/// <summary><c>/api/config</c>: what the web map needs to draw its basemap.</summary>
public static class MapConfigEndpoints
{
    public static IEndpointRouteBuilder MapMapConfigApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/config", GetConfig)
            .WithTags("Map")
            .WithName("MapConfig")
            .RequireRateLimiting(RateLimitPolicies.Lookup)
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
