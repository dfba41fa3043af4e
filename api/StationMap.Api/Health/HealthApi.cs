using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StationMap.Api.Infrastructure;
using StationMap.Api.Stations.Nearest;
using StationMap.Store;

namespace StationMap.Api.Health;

/// <summary>
/// <c>/healthz</c>: the process is up, its database answers, and which nearest index it holds.
/// <c>/healthz/live</c>: the process is up (no database). <c>/healthz/ready</c>: whether it can serve
/// (<see cref="ReadinessCheck"/>); 200 when <c>Healthy</c> or <c>Degraded</c>, so a load balancer keeps sending nearest
/// requests to a process that answers them from memory while the database is down; 503 when <c>Unhealthy</c>.
/// </summary>
public static class HealthApi
{
    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<ReadinessCheck>(ReadinessCheck.Name);
        return builder;
    }

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/healthz").WithTags("Health").RequireRateLimiting(RateLimitPolicies.Lookup);
        group.MapGet("/", CheckAsync)
            .WithName("Health")
            .WithSummary("Liveness and database check, with the live station count and the nearest index held");
        group.MapGet("/live", () => TypedResults.Ok(new LivenessReport(nameof(HealthStatus.Healthy))))
            .WithName("Liveness")
            .WithSummary("The process is up (asks nothing of the database)");
        group.MapGet("/ready", ReadyAsync)
            .WithName("Readiness")
            .WithSummary("Healthy (database and nearest index), Degraded (one of them; still 200) or Unhealthy (503)");
        return app;
    }

    internal static async Task<JsonHttpResult<ReadinessReport>> ReadyAsync(HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(cancellationToken);
        var entry = report.Entries[ReadinessCheck.Name];
        return TypedResults.Json(
            new ReadinessReport(report.Status.ToString(), entry.Description, entry.Data.GetValueOrDefault("database") as string,
                entry.Data.GetValueOrDefault("nearest") as NearestIndexReport),
            statusCode: report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
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

/// <summary>What <c>/healthz/live</c> reports.</summary>
public sealed record LivenessReport(string Status);

/// <summary>What <c>/healthz/ready</c> reports: <c>Healthy</c>, <c>Degraded</c> or <c>Unhealthy</c>, and why.</summary>
public sealed record ReadinessReport(string Status, string? Description, string? Database, NearestIndexReport? Nearest);

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
