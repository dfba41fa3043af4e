using Microsoft.AspNetCore.Http.HttpResults;
using StationMap.Domain.Queries;
using StationMap.Store;
using StationMap.Store.Imports;

namespace StationMap.Api.Endpoints;

/// <summary><c>/api/imports</c>: the history of import runs, newest first.</summary>
public static class ImportsEndpoints
{
    private const int MaxSourceLength = 200;

    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/imports").WithTags("Imports")
            .MapGet("/", ListAsync)
            .WithName("ImportRuns")
            .WithSummary("Import runs, newest first, with their counts and status")
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
