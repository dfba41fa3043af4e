using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using StationMap.Api.Infrastructure;
using StationMap.Api.Security;

namespace StationMap.Api.Sources;

/// <summary>Configured data sources: their status and an operator's "refresh now", both for operators.</summary>
public static class SourcesApi
{
    public static IEndpointRouteBuilder MapSourcesApi(this IEndpointRouteBuilder app)
    {
        // Operators only, like the dashboard whose recurring jobs it summarises.
        var operators = app.MapGroup("/api").RequireAuthorization(OperatorPolicies.Operator).RequireRateLimiting(RateLimitPolicies.Lookup);
        operators.MapGet("/sources", List)
            .WithTags("Sources")
            .WithName("Sources")
            .WithSummary("Configured data sources with their schedule and last run (operator key required)")
            .WithDescription("Worst case: one row per configured source: a few ms.");
        operators.MapPost("/admin/sources/{name}/refresh", Refresh)
            .WithTags("Admin")
            .WithName("RefreshSource")
            .WithSummary("Enqueue a refresh of one source now (operator key required)");
        return app;
    }

    internal static Ok<IReadOnlyList<SourceStatus>> List(IOptions<RefreshOptions> options, JobStorage storage)
    {
        using var connection = storage.GetConnection();
        var recurring = connection.GetRecurringJobs().ToDictionary(j => j.Id);
        var sources = options.Value.Sources.Select(s =>
        {
            recurring.TryGetValue(RefreshSchedule.JobPrefix + s.Name, out var job);
            return new SourceStatus(s.Name, s.Format, s.Mode, s.Cron, job?.NextExecution, job?.LastExecution, job?.LastJobState);
        }).ToList();
        return TypedResults.Ok<IReadOnlyList<SourceStatus>>(sources);
    }

    internal static Results<Accepted<RefreshEnqueued>, ProblemHttpResult> Refresh(
        string name, IOptions<RefreshOptions> options, IBackgroundJobClient jobs)
    {
        if (options.Value.Sources.All(s => s.Name != name))
        {
            return TypedResults.Problem(
                title: "Unknown source", detail: $"No source named '{name}' is configured.", statusCode: StatusCodes.Status404NotFound);
        }
        var jobId = jobs.Enqueue<SourceRefreshJob>(job => job.RunAsync(name, CancellationToken.None));
        return TypedResults.Accepted($"{SourcesHosting.DashboardPath}/jobs/details/{jobId}", new RefreshEnqueued(name, jobId));
    }
}

/// <summary>A source as an operator sees it; last success/failure come from its import runs.</summary>
public sealed record SourceStatus(
    string Name, string Format, string Mode, string Cron, DateTime? NextRunUtc, DateTime? LastRunUtc, string? LastJobState);

public sealed record RefreshEnqueued(string Source, string JobId);
