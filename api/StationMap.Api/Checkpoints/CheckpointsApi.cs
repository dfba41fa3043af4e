using Microsoft.AspNetCore.Http.HttpResults;
using StationMap.Api.Infrastructure;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Api.Stations;
using StationMap.Domain;
using StationMap.Domain.Queries;
using StationMap.Store.Checkpoints;
using StationMap.Store.Stations;

namespace StationMap.Api.Checkpoints;

/// <summary><c>/api/checkpoints</c>: the checkpoints (GeoJSON), one by id, and the truck-suitable stops around one.</summary>
public static class CheckpointsApi
{
    public static IEndpointRouteBuilder MapCheckpointsApi(this IEndpointRouteBuilder app)
    {
        var checkpoints = app.MapGroup("/api/checkpoints").WithTags("Checkpoints").CheckQueryParameters();
        var lookups = checkpoints.MapGroup("").RequireRateLimiting(RateLimitPolicies.Lookup);
        var areas = checkpoints.MapGroup("").RequireRateLimiting(RateLimitPolicies.Area);
        lookups.MapGet("/", AllAsync)
            .WithName("Checkpoints")
            .Produces<FeatureCollection<PointGeometry, CheckpointProperties>>(StatusCodes.Status200OK, "application/geo+json")
            .WithSummary("Every checkpoint as a GeoJSON FeatureCollection")
            .WithDescription("Worst case: every checkpoint (operator-imported, hundreds): a few ms.");
        lookups.MapGet("/{id:long}", ByIdAsync)
            .WithName("CheckpointById")
            .WithSummary("One checkpoint")
            .WithDescription("Worst case: one primary-key lookup.");
        areas.MapGet("/{id:long}/stops", StopsAsync)
            .WithName("CheckpointStops")
            .WithSummary("Stops with truck parking near a checkpoint, nearest first, by geodesic distance")
            .WithDescription("Worst case: radiusM=100000, k=100 with filters no station passes, central Beijing: ~25 ms at 1,000,000 stations.");
        return app;
    }

    internal static async Task<JsonHttpResult<FeatureCollection<PointGeometry, CheckpointProperties>>> AllAsync(CheckpointQueries queries, CancellationToken cancellationToken)
    {
        var all = await queries.AllAsync(cancellationToken);
        return TypedResults.Json(new FeatureCollection<PointGeometry, CheckpointProperties>([.. all.Select(CheckpointProperties.Feature)]), contentType: "application/geo+json");
    }

    internal static async Task<Results<Ok<CheckpointDetail>, ProblemHttpResult>> ByIdAsync(
        long id, CheckpointQueries queries, CancellationToken cancellationToken)
    {
        var checkpoint = await queries.ByIdAsync(id, cancellationToken);
        return checkpoint is null ? NotFound(id) : TypedResults.Ok(CheckpointDetail.From(checkpoint));
    }

    internal static async Task<Results<Ok<CheckpointStopsResponse>, ValidationProblem, ProblemHttpResult>> StopsAsync(
        long id, [AsParameters] CheckpointStopsParameters parameters, [AsParameters] TruckParameters truckParameters,
        CheckpointQueries checkpoints, StationQueries stations, CancellationToken cancellationToken)
    {
        var (radius, k) = (parameters.Radius, parameters.Count);
        var truck = truckParameters.Filter.RequiringTruckParking();
        var checkpoint = await checkpoints.ByIdAsync(id, cancellationToken);
        if (checkpoint is null)
        {
            return NotFound(id);
        }
        var c = checkpoint.Checkpoint;
        // The nearest search is the one stations use, so "nearest first" means the same everywhere.
        var query = new NearestQuery
        {
            Lat = c.Lat,
            Lon = c.Lon,
            K = k,
            MaxDistanceM = radius,
            Truck = truck.Truck,
            VehicleLengthM = truck.VehicleLengthM,
            Hazmat = truck.Hazmat,
        };
        var ranked = await stations.NearestAsync(query, k, cancellationToken);
        return TypedResults.Ok(new CheckpointStopsResponse(
            CheckpointDetail.From(checkpoint), radius, k, ranked.Select(ToStop).ToList()));
    }

    private static CheckpointStop ToStop(RankedStation ranked) => new(ranked.Station, Math.Round(ranked.DistanceM, 2));

    private static ProblemHttpResult NotFound(long id) => TypedResults.Problem(
        title: "Checkpoint not found", detail: $"No checkpoint has id {id}.", statusCode: StatusCodes.Status404NotFound);
}
