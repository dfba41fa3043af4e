using Microsoft.AspNetCore.Http.HttpResults;
using StationMap.Api.Infrastructure;
using StationMap.Api.Security;
using StationMap.Domain.Queries;
using StationMap.Store;
using StationMap.Store.Imports;

namespace StationMap.Api.Imports;

/// <summary><c>/api/imports</c>: the history of import runs, newest first.</summary>
public static class ImportsApi
{
    private const int MaxSourceLength = 200;

    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder app)
    {
        // Operators only: a failed run's error is the importer's own message (file paths, database errors).
        app.MapGroup("/api/imports").WithTags("Imports")
            .RequireAuthorization(OperatorPolicies.Operator)
            .RequireRateLimiting(RateLimitPolicies.Lookup)
            .MapGet("/", ListAsync)
            .WithName("ImportRuns")
            .WithSummary("Import runs, newest first, with their counts and status (operator key required)")
            .WithDescription("Query: source (optional, one source's runs), limit (1-500, default 50). Worst case: limit=500, a few ms.");
        return app;
    }

    internal static async Task<Results<Ok<IReadOnlyList<ImportRun>>, ValidationProblem>> ListAsync(
        HttpRequest request, StationDataSources dataSources, CancellationToken cancellationToken)
    {
        var lookup = ValidationProblems.Lookup(request);
        var parameters = new QueryParameters(lookup);
        var limit = parameters.OptionalInt("limit", 50, 1, 500);
        var source = lookup("source");
        if (source is not null && (string.IsNullOrWhiteSpace(source) || source.Length > MaxSourceLength))
        {
            parameters.Add("source", $"must be a source name of 1 to {MaxSourceLength} characters");
        }
        if (!parameters.IsValid)
        {
            return ValidationProblems.From(parameters.Problems);
        }
        var runs = await ImportRunQueries.ListAsync(dataSources.Read, source?.Trim(), limit, cancellationToken);
        return TypedResults.Ok(runs);
    }
}
