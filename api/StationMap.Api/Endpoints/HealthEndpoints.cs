using Microsoft.AspNetCore.Http.HttpResults;
using StationMap.Store;

namespace StationMap.Api.Endpoints;

/// <summary><c>/healthz</c>: the process is up and its database answers.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", CheckAsync)
            .WithName("Health")
            .WithSummary("Liveness and database check")
            .WithTags("Health");
        return app;
    }

    internal static async Task<Results<Ok<HealthReport>, ProblemHttpResult>> CheckAsync(
        StationDataSources dataSources, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSources.Read.CreateCommand("SELECT count(*) FROM station WHERE retired_at IS NULL");
            var stations = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            return TypedResults.Ok(new HealthReport("ok", stations));
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return TypedResults.Problem(
                title: "Database unavailable", detail: "The station database did not answer.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}

/// <summary>What <c>/healthz</c> reports.</summary>
public sealed record HealthReport(string Status, long LiveStations);
