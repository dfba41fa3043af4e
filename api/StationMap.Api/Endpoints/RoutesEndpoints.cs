using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using StationMap.Api.Infrastructure;
using StationMap.Api.Routes;
using StationMap.Domain.Queries;
using StationMap.Domain.Routes;

namespace StationMap.Api.Endpoints;

/// <summary><c>/api/routes</c>: stops along the road ahead.</summary>
public static class RoutesEndpoints
{
    /// <summary>1 MB holds a 10,000-position route written out with generous precision and indentation.</summary>
    public const int MaxBodyBytes = 1 << 20;

    public static IEndpointRouteBuilder MapRoutesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/routes").WithTags("Routes").RequireRateLimiting(RateLimitPolicies.Heavy);
        group.MapPost("/stops", StopsAsync)
            .WithName("RouteStops")
            .WithSummary("Stops within a corridor around a route, in the order a driver reaches them (alongM), with offsetM")
            .WithDescription(
                "Body (JSON, at most 1 MB): route (GeoJSON LineString in WGS-84, or a Feature with one; 2-10000 positions, " +
                "at most 3000 km), corridorM (1-5000, default 1000), truck, vehicleLengthM (up to 30), hazmat, limit (1-1000, default 200). " +
                "The corridor area, each leg's length × 2 × corridorM + π × corridorM² summed (overlaps counted), must be at most 100,000 km² (422 naming corridorM otherwise). " +
                "Worst case: a 10,000-point zig-zag at the area limit over central Beijing, or a 3,000 km snake of parallel legs at 5 km: 0.3-0.4 s of CPU at 1,000,000 stations from memory.");
        return app;
    }

    internal static async Task<Results<Ok<RouteStopsResponse>, ValidationProblem, ProblemHttpResult>> StopsAsync(
        HttpRequest request, RouteStopSearch search, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }
        // Read at most one byte past the limit: a chunked body gives no length up front.
        var body = new MemoryStream();
        var buffer = new byte[81_920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, MaxBodyBytes + 1 - body.Length)), cancellationToken)) > 0)
        {
            body.Write(buffer, 0, read);
            if (body.Length > MaxBodyBytes)
            {
                return TooLarge();
            }
        }
        if (body.Length == 0)
        {
            return ValidationProblems.From([new ParameterProblem("body", "is empty; send a JSON object with a route")]);
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.GetBuffer().AsMemory(0, (int)body.Length));
        }
        catch (JsonException e)
        {
            return ValidationProblems.From([new ParameterProblem("body", $"is not valid JSON: {e.Message}")]);
        }
        using (document)
        {
            var query = RouteQueryParser.Parse(document.RootElement, out var problems);
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

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(
        title: "Request body too large",
        detail: $"body must be at most {MaxBodyBytes} bytes (1 MB)",
        statusCode: StatusCodes.Status413PayloadTooLarge,
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["body"] = [$"must be at most {MaxBodyBytes} bytes"] } });
}
