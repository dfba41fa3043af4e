using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using StationMap.Api.Stations;
using StationMap.Store;

namespace StationMap.Api.Endpoints;

/// <summary><c>/healthz</c>: the process is up, its database answers, and which nearest index it holds.</summary>
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
        StationDataSources dataSources, LiveStationIndex live, IOptions<NearestOptions> nearest, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSources.Read.CreateCommand("SELECT count(*) FROM station WHERE retired_at IS NULL");
            var stations = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            return TypedResults.Ok(new HealthReport("ok", stations, NearestIndexReport.Of(nearest.Value.Path, live)));
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return TypedResults.Problem(
                title: "Database unavailable", detail: "The station database did not answer.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}

/// <summary>What <c>/healthz</c> reports.</summary>
public sealed record HealthReport(string Status, long LiveStations, NearestIndexReport Nearest);

/// <summary>
/// The nearest path in use and, on the memory path, the index this process answers from: the store's data version
/// it holds, its station count, when it was loaded and how long ago, and whether change notifications arrive.
/// All null until the first load (answers then come from the database).
/// </summary>
public sealed record NearestIndexReport(
    string Path, long? Version, int? Stations, DateTimeOffset? LoadedAt, double? AgeSeconds, bool Listening)
{
    public static NearestIndexReport Of(NearestPath path, LiveStationIndex live) =>
        path == NearestPath.Memory && live.Current is { } loaded
            ? new NearestIndexReport(
                "memory", loaded.Index.Version, loaded.Index.Count, loaded.LoadedAt, Math.Round(loaded.Age.TotalSeconds, 3), live.Listening)
            : new NearestIndexReport(path == NearestPath.Memory ? "memory" : "database", null, null, null, null, live.Listening);
}
