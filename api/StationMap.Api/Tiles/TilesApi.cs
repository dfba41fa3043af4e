using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using StationMap.Api.Infrastructure;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Api.Stations;
using StationMap.Api.Stations.Nearest;
using StationMap.Domain.Nearest;
using StationMap.Domain.Queries;
using StationMap.Domain.Tiles;

namespace StationMap.Api.Tiles;

/// <summary>
/// <c>/tiles</c>: the stations as Mapbox Vector Tiles (<c>/tiles/stations/{z}/{x}/{y}.mvt</c>) and their TileJSON
/// (<c>/tiles/stations.json</c>), built from the in-memory index (<see cref="StationTiles"/>), never from PostgreSQL.
/// </summary>
public static class TilesApi
{
    public const string TileContentType = "application/vnd.mapbox-vector-tile";

    public static WebApplicationBuilder AddTiles(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TilesOptions>().BindConfiguration(TilesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<TileCache>();
        return builder;
    }

    public static IEndpointRouteBuilder MapTilesApi(this IEndpointRouteBuilder app)
    {
        var tiles = app.MapGroup("/tiles").WithTags("Tiles").CheckQueryParameters().RequireRateLimiting(RateLimitPolicies.Lookup);
        tiles.MapGet("/stations/{z:int}/{x:int}/{y:int}.mvt", Tile)
            .WithIndexFreshness()
            .WithName("StationTile")
            .Produces(StatusCodes.Status200OK, typeof(Stream), TileContentType)
            .Produces(StatusCodes.Status304NotModified)
            .WithSummary("A Mapbox Vector Tile (2.1) of the stations: exact clusters up to zoom 13, every station from zoom 14")
            .WithDescription("Layers 'clusters' (count and counts by kind) and 'stations' (id, kind, truck, hazmat, maxVehicleLengthM); " +
                "the filters of nearest. ETag from the data version (and the minute with openNow), 304 on If-None-Match. " +
                "503 until the in-memory index has loaded (or with Nearest:Path=Database). " +
                "Worst case: a low-zoom tile, not yet kept, with a filter that must test its stations one by one (an amenity, openNow, truck): " +
                "one pass over them, ~5 ms at 1,000,000 stations; tiles up to zoom 8 are kept once built, per data version, filters and minute.");
        tiles.MapGet("/stations.json", TileJsonOf)
            .WithIndexFreshness()
            .WithName("StationTileJson")
            .Produces<TileJson>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status304NotModified)
            .WithSummary("TileJSON 3.0.0 of the station tiles, with the tile URL carrying the request's filters");
        return app;
    }

    internal static Results<FileContentHttpResult, StatusCodeHttpResult, ValidationProblem, ProblemHttpResult> Tile(
        int z, int x, int y, [AsParameters] TileParameters parameters, [AsParameters] TruckParameters truck, HttpContext context,
        LiveStationIndex live, IOptions<NearestOptions> nearest, IOptions<TilesOptions> options, TimeProvider time, TileCache cache)
    {
        var tile = new TileId(z, x, y);
        if (!tile.IsValid)
        {
            return ValidationProblems.From(TileProblems(tile));
        }
        if (IndexOf(live, nearest) is not { } index)
        {
            return NotLoaded(context);
        }
        var now = time.GetUtcNow();
        var filters = parameters.CanonicalQuery(truck);
        var caching = TileCaching.For(index.Version, filters, parameters.IsOpenNow, now, options.Value.MaxAgeSeconds);
        caching.Apply(context.Response);
        if (caching.IsMatchedBy(context.Request))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        var bytes = cache.GetOrBuild(
            index.Version, tile, filters, parameters.IsOpenNow ? caching.Minute : 0,
            (Tiles: parameters.IsGcj02 ? index.Gcj02Tiles : index.Tiles, Tile: tile, Filter: parameters.Filter(truck, now)),
            static s => StationTileEncoder.Encode(s.Tiles, s.Tile, s.Filter));
        return TypedResults.Bytes(bytes, TileContentType);
    }

    internal static Results<JsonHttpResult<TileJson>, StatusCodeHttpResult, ProblemHttpResult> TileJsonOf(
        [AsParameters] TileParameters parameters, [AsParameters] TruckParameters truck, HttpContext context,
        LiveStationIndex live, IOptions<NearestOptions> nearest, IOptions<TilesOptions> options, TimeProvider time)
    {
        if (IndexOf(live, nearest) is not { } index)
        {
            return NotLoaded(context);
        }
        // The TileJSON itself does not change with the minute: only the tiles it points to do.
        var filters = parameters.CanonicalQuery(truck);
        var caching = TileCaching.For(index.Version, filters, openNow: false, time.GetUtcNow(), options.Value.MaxAgeSeconds);
        caching.Apply(context.Response);
        if (caching.IsMatchedBy(context.Request))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        var request = context.Request;
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}/tiles/stations/{{z}}/{{x}}/{{y}}.mvt{filters}";
        return TypedResults.Json(TileJson.Of(url, index.Version, (parameters.IsGcj02 ? index.Gcj02Tiles : index.Tiles).Bounds), contentType: "application/json");
    }

    // The tiles come from memory only: before the first load, or on the database path, there are none.
    private static StationIndex? IndexOf(LiveStationIndex live, IOptions<NearestOptions> nearest) =>
        nearest.Value.Path == NearestPath.Memory ? live.Current?.Index : null;

    private static ProblemHttpResult NotLoaded(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "1";
        return TypedResults.Problem(
            title: ServiceUnavailableProblem.Title,
            detail: "The station tiles are built from the in-memory station index, which is not loaded (yet); retry shortly.",
            statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static List<ParameterProblem> TileProblems(TileId tile)
    {
        if (tile.Z is < 0 or > TileGrid.MaxZoom)
        {
            return [new("z", $"must be between 0 and {TileGrid.MaxZoom}, got {tile.Z}")];
        }
        var size = 1L << tile.Z;
        var problems = new List<ParameterProblem>();
        if (tile.X < 0 || tile.X >= size)
        {
            problems.Add(new("x", $"must be between 0 and {size - 1} at zoom {tile.Z}, got {tile.X}"));
        }
        if (tile.Y < 0 || tile.Y >= size)
        {
            problems.Add(new("y", $"must be between 0 and {size - 1} at zoom {tile.Z}, got {tile.Y}"));
        }
        return problems;
    }
}
