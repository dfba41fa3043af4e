using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using StationMap.Api.Infrastructure;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Api.Security;
using StationMap.Domain.Queries;
using StationMap.Store.Places;

namespace StationMap.Api.Places;

/// <summary>The query string of <c>GET /api/places/review</c>; an operator's tool, so a misspelt parameter is an error, not ignored.</summary>
[RejectsUnknownParameters]
public sealed record PlaceReviewParameters : IQueryParameters
{
    public const int MaxLimit = 500;

    [FromQuery(Name = "limit"), Range(1, MaxLimit), Description("Most pairs to answer, the likeliest to be one station first; 100 when absent.")]
    public QueryInteger? Limit { get; init; }
}

/// <summary>What an operator's decision did.</summary>
public sealed record PlaceDecisionResult(long StationA, long StationB, string Decision);

/// <summary>
/// <c>/api/places</c>, for operators: the pairs of stations the matcher could not decide, with its evidence, and the
/// decisions (link: one place; unlink: never one place), which are kept and win over the matcher on every later import.
/// </summary>
public static class PlacesApi
{
    public static IEndpointRouteBuilder MapPlacesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/places").WithTags("Places").CheckQueryParameters()
            .RequireAuthorization(OperatorPolicies.Operator).RequireRateLimiting(RateLimitPolicies.Lookup);
        group.MapGet("/review", QueueAsync)
            .WithName("PlaceReviewQueue")
            .WithSummary("Pairs of stations from different sources that may be one place, the likeliest first, with the matcher's evidence")
            .WithDescription("Worst case: limit=500 over the queue (one index scan of the pending pairs and two primary-key lookups each) and a count of the queue: a few ms per thousand pending pairs.");
        foreach (var decision in new[] { "link", "unlink" })
        {
            var link = decision == "link";
            group.MapPost($"/review/{{id:long}}/{decision}", (long id, HttpContext context, PlaceQueries queries, TimeProvider time, CancellationToken ct) =>
                    DecideQueuedAsync(id, link, context, queries, time, ct))
                .WithName(link ? "PlaceReviewLink" : "PlaceReviewUnlink")
                .WithSummary(link ? "The queued pair is one place: link it (kept; wins over the matcher)" : "The queued pair is two places: keep them apart (kept; wins over the matcher)")
                .WithDescription("Worst case: the pair's places matched again at once, with their neighbours (a few hundred records in the densest city): tens of ms.");
            group.MapPost($"/pairs/{{a:long}}/{{b:long}}/{decision}", (long a, long b, HttpContext context, PlaceQueries queries, TimeProvider time, CancellationToken ct) =>
                    DecidePairAsync(a, b, link, context, queries, time, ct))
                .WithName(link ? "PlacePairLink" : "PlacePairUnlink")
                .WithSummary(link ? "Link any two stations into one place (kept; wins over the matcher)" : "Split two stations the matcher linked, or keep them apart (kept; wins over the matcher)")
                .WithDescription("Worst case: as a queued decision, the two stations' places matched again at once: tens of ms.");
        }
        return app;
    }

    internal static async Task<Ok<PlaceReviewPage>> QueueAsync(
        [AsParameters] PlaceReviewParameters parameters, PlaceQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.QueueAsync(parameters.Limit?.Value ?? 100, cancellationToken));

    internal static async Task<Results<Ok<PlaceDecisionResult>, ProblemHttpResult>> DecideQueuedAsync(
        long id, bool link, HttpContext context, PlaceQueries queries, TimeProvider time, CancellationToken cancellationToken)
    {
        var outcome = await queries.DecideQueuedAsync(id, link, Operator(context), time.GetUtcNow(), cancellationToken);
        return outcome.Pair is { } pair
            ? TypedResults.Ok(new PlaceDecisionResult(pair.A, pair.B, link ? "link" : "unlink"))
            : TypedResults.Problem(title: "Pair not in the queue", detail: $"No pair waits for review with id {id} (decided already, or no longer in review).",
                statusCode: StatusCodes.Status404NotFound, extensions: Naming("id"));
    }

    internal static async Task<Results<Ok<PlaceDecisionResult>, ValidationProblem, ProblemHttpResult>> DecidePairAsync(
        long a, long b, bool link, HttpContext context, PlaceQueries queries, TimeProvider time, CancellationToken cancellationToken)
    {
        if (a == b)
        {
            return ValidationProblems.From([new ParameterProblem("b", "must be another station than a: a place is made of two stations or more")]);
        }
        var outcome = await queries.DecidePairAsync(a, b, link, Operator(context), time.GetUtcNow(), cancellationToken);
        return outcome.Pair is { } pair
            ? TypedResults.Ok(new PlaceDecisionResult(pair.A, pair.B, link ? "link" : "unlink"))
            : TypedResults.Problem(title: "Station not found", detail: $"No station has id {outcome.Missing}.",
                statusCode: StatusCodes.Status404NotFound, extensions: Naming(outcome.Missing == a ? "a" : "b"));
    }

    private static string Operator(HttpContext context) => context.User.Identity?.Name ?? "operator";

    private static Dictionary<string, object?> Naming(string field) =>
        new() { ["errors"] = new Dictionary<string, string[]> { [field] = [field == "id" ? "names no pair in the review queue" : "names no station"] } };
}
