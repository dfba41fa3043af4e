using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using StationMap.Api.Infrastructure;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Api.Security;
using StationMap.Store.Checkins;

namespace StationMap.Api.Checkins;

/// <summary>The query string of <c>GET /api/moderation/queue</c>.</summary>
public sealed record ModerationQueueParameters : IQueryParameters
{
    public const int MaxLimit = 500;

    [FromQuery(Name = "limit"), Range(1, MaxLimit), Description("Most items to answer, oldest first; 100 when absent.")]
    public QueryInteger? Limit { get; init; }
}

/// <summary>What a moderation decision did.</summary>
public sealed record ModerationDecision(long Id, string Action);

/// <summary>
/// <c>/api/moderation</c>, for operators: the queue of comments and permanent-closure reports, and the decisions on
/// them. A closure approved retires the station (recorded as an import run, reversible with revert).
/// </summary>
public static class ModerationApi
{
    public static IEndpointRouteBuilder MapModerationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/moderation").WithTags("Moderation").CheckQueryParameters()
            .RequireAuthorization(OperatorPolicies.Operator).RequireRateLimiting(RateLimitPolicies.Lookup);
        group.MapGet("/queue", QueueAsync)
            .WithName("ModerationQueue")
            .WithSummary("Comments and permanent-closure reports waiting for an operator, oldest first, with the counts of independent reports")
            .WithDescription("Worst case: limit=500 over the pending check-ins (a partial index holds only those): a few ms.");
        foreach (var action in new[] { "approve", "reject", "revert", "block-device" })
        {
            group.MapPost($"/{{id:long}}/{action}", (long id, HttpContext context, ModerationQueries queries, TimeProvider time, CancellationToken ct) =>
                    DecideAsync(id, action, context, queries, time, ct))
                .WithName("Moderation" + string.Concat(action.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..])))
                .WithSummary(action switch
                {
                    "approve" => "Approve an item: a comment is shown on the station's card; a permanent closure retires the station",
                    "reject" => "Reject an item: the comment is never shown; the closure reports are dismissed",
                    "revert" => "Bring back a station an approved closure retired",
                    _ => "Ignore the device that sent this check-in from now on (the kill switch)",
                })
                .WithDescription("Worst case: one check-in and its station locked, a few rows written: a few ms.");
        }
        return app;
    }

    internal static async Task<Ok<IReadOnlyList<ModerationItem>>> QueueAsync(
        [AsParameters] ModerationQueueParameters parameters, ModerationQueries queries, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.QueueAsync(time.GetUtcNow(), parameters.Limit?.Value ?? 100, cancellationToken));

    internal static async Task<Results<Ok<ModerationDecision>, ProblemHttpResult>> DecideAsync(
        long id, string action, HttpContext context, ModerationQueries queries, TimeProvider time, CancellationToken cancellationToken)
    {
        var who = context.User.Identity?.Name ?? "operator";
        var now = time.GetUtcNow();
        var outcome = action switch
        {
            "approve" => await queries.DecideAsync(id, approve: true, who, now, cancellationToken),
            "reject" => await queries.DecideAsync(id, approve: false, who, now, cancellationToken),
            "revert" => await queries.RevertAsync(id, who, now, cancellationToken),
            _ => await queries.BlockDeviceAsync(id, who, now, cancellationToken),
        };
        return outcome switch
        {
            ModerationOutcome.Done => TypedResults.Ok(new ModerationDecision(id, action)),
            ModerationOutcome.NotFound => TypedResults.Problem(title: "Check-in not found", detail: $"No check-in has id {id}.", statusCode: StatusCodes.Status404NotFound),
            _ => TypedResults.Problem(
                title: "Nothing to decide", detail: action == "revert" ? $"Check-in {id}'s station has no approved closure in effect." : $"Check-in {id} has been decided already.",
                statusCode: StatusCodes.Status409Conflict),
        };
    }
}
