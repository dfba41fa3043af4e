using Microsoft.AspNetCore.Http.HttpResults;
using StationMap.Api.Infrastructure;
using StationMap.Api.Security;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Store;
using StationMap.Store.Imports;

namespace StationMap.Api.Imports;

/// <summary><c>/api/imports</c>: the history of import runs, newest first.</summary>
public static class ImportsApi
{
    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder app)
    {
        // Operators only: a failed run's error is the importer's own message (file paths, database errors).
        app.MapGroup("/api/imports").WithTags("Imports").CheckQueryParameters()
            .RequireAuthorization(OperatorPolicies.Operator)
            .RequireRateLimiting(RateLimitPolicies.Lookup)
            .MapGet("/", ListAsync)
            .WithName("ImportRuns")
            .WithSummary("Import runs, newest first, with their counts and status (operator key required)")
            .WithDescription("Worst case: limit=500, a few ms.");
        return app;
    }

    internal static async Task<Results<Ok<IReadOnlyList<ImportRun>>, ValidationProblem>> ListAsync(
        [AsParameters] ImportRunsParameters parameters, StationDataSources dataSources, CancellationToken cancellationToken)
    {
        var runs = await ImportRunQueries.ListAsync(dataSources.Read, parameters.Source?.Trim(), parameters.Count, cancellationToken);
        return TypedResults.Ok(runs);
    }
}
