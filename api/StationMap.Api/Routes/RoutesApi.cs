using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using StationMap.Api.Infrastructure;
using StationMap.Domain.Routes;

namespace StationMap.Api.Routes;

/// <summary><c>/api/routes</c>: stops along the road ahead.</summary>
public static class RoutesApi
{
    public static IEndpointRouteBuilder MapRoutesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/routes").WithTags("Routes").RequireRateLimiting(RateLimitPolicies.Heavy);
        group.MapPost("/stops", StopsAsync)
            .ReadsJsonBody<RouteStopsRequest>()
            .WithName("RouteStops")
            .WithSummary("Stops within a corridor around a route, in the order a driver reaches them (alongM), with offsetM")
            .WithDescription(
                "The body is at most 512 KB. " +
                "The corridor area, each leg's length × 2 × corridorM + π × corridorM² summed (overlaps counted), must be at most 100,000 km² (422 naming corridorM otherwise). " +
                "Worst case: a 10,000-point zig-zag at the area limit over central Beijing, or a 3,000 km snake of parallel legs at 5 km: 0.3-0.4 s of CPU at 1,000,000 stations from memory.");
        return app;
    }

    internal static async Task<Results<Ok<RouteStopsResponse>, ValidationProblem, ProblemHttpResult>> StopsAsync(
        HttpRequest request, RouteStopSearch search, IOptions<RequestLimitsOptions> limits, CancellationToken cancellationToken)
    {
        using var body = await JsonBody.ReadAsync(request, limits.Value.MaxRouteBodyBytes, limits.Value, cancellationToken);
        if (body.Refusal is { } refusal)
        {
            return refusal;
        }
        var query = RouteQueryParser.Parse(body.Document!.RootElement, out var problems);
        if (query is null)
        {
            return ValidationProblems.From(problems);
        }
        if (RouteCost.Exceeded(query) is { } tooCostly)
        {
            return CostLimitProblem.For(tooCostly.Parameter, tooCostly.Reason);
        }
        return TypedResults.Ok(await search.FindAsync(query, cancellationToken));
    }
}
