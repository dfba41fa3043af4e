using System.Security.Claims;
using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using StationMap.Api.Infrastructure;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Api.Security;
using StationMap.Domain.Planning;
using StationMap.Domain.Queries;
using StationMap.Store.Planning;

namespace StationMap.Api.Planning;

/// <summary><c>/api/planning</c>: coverage of demand by today's stations, and site-suggestion runs (planner key to start one).</summary>
public static class PlanningApi
{
    public static IEndpointRouteBuilder MapPlanningApi(this IEndpointRouteBuilder app)
    {
        var planning = app.MapGroup("/api/planning").WithTags("Planning");
        var lookups = planning.MapGroup("").RequireRateLimiting(RateLimitPolicies.Lookup);
        var heavy = planning.MapGroup("").RequireRateLimiting(RateLimitPolicies.Heavy);
        // A run names who started it and holds a planner's result: planners (and operators) only.
        var runs = planning.MapGroup("/runs").RequireAuthorization(OperatorPolicies.PlanningReader).RequireRateLimiting(RateLimitPolicies.Lookup);
        lookups.MapGet("/layers", LayersAsync)
            .WithName("PlanningLayers")
            .WithSummary("Demand layers with their point counts and total weights")
            .WithDescription("Worst case: one aggregate over every demand point (planner-imported): ~10 ms.");
        heavy.MapGet("/coverage", CoverageAsync)
            .WithName("PlanningCoverage")
            .WithSummary("How much of a demand layer open stations cover, in total and per district, with the uncovered demand as a GeoJSON grid")
            .WithDescription("Open stations: not retired and not suspended. " +
                "A cellM spanning more than 250,000 cells over the layer's extent is refused (422). " +
                "Worst case: the largest layer with radiusM=5000 and a kind few stations have (each uncovered point probes every station within 5 km); its cost grows with the layer, which planners import, not with the request.");
        heavy.MapGroup("/runs").RequireAuthorization(OperatorPolicies.Planner)
            .MapPost("/", StartRunAsync)
            .ReadsJsonBody<PlanningRunRequest>()
            .WithName("StartPlanningRun")
            .WithSummary("Start a site-suggestion run (maximal covering location) in the background; planner key required")
            .WithDescription("Answers 202 with the run's id and Location.");
        runs.MapGet("/{id:long}", RunAsync)
            .WithName("PlanningRun")
            .WithSummary("A run's status, progress and, once done, its result; planner or operator key required");
        runs.MapGet("/{id:long}.geojson", RunGeoJsonAsync)
            .WithName("PlanningRunGeoJson")
            .WithSummary("A finished run's suggested sites as a GeoJSON FeatureCollection, ranked; planner or operator key required");
        runs.MapGet("/{id:long}.csv", RunCsvAsync)
            .WithName("PlanningRunCsv")
            .WithSummary("A finished run's suggested sites as CSV, ranked; planner or operator key required");
        return app;
    }

    internal static async Task<Ok<LayersResponse>> LayersAsync(PlanningQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(new LayersResponse(await queries.LayersAsync(cancellationToken)));

    internal static async Task<Results<Ok<CoverageResponse>, ValidationProblem, ProblemHttpResult>> CoverageAsync(
        [AsParameters] CoverageParameters parameters, PlanningQueries queries, IOptions<PlanningOptions> options, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var problems = parameters.Problems(settings);
        var layer = PlanningParameters.Layer(parameters.Layer, await queries.LayersAsync(cancellationToken), problems);
        if (problems.Count > 0 || layer is null)
        {
            return ValidationProblems.From(problems);
        }
        var radius = parameters.RadiusM?.Value ?? settings.DefaultRadiusM;
        var cell = parameters.CellM?.Value ?? settings.DefaultCellM;
        var kinds = QueryKinds.Of(parameters.Kind);
        if (await queries.LayerExtentAsync(layer, cancellationToken) is { } extent
            && CoverageReport.CellsSpanned(extent, cell) is var cells and > CoverageReport.MaxCells)
        {
            return CostLimitProblem.For(
                "cellM", $"of {cell:0} m spans {cells:0} cells over layer '{layer}', more than the {CoverageReport.MaxCells:0} allowed; use larger cells");
        }
        var demand = await queries.DemandCoverageAsync(layer, radius, kinds, cancellationToken);
        var report = CoverageReport.Build(demand, cell);
        return TypedResults.Ok(new CoverageResponse(
            layer, radius, [.. kinds.Select(k => Domain.StationKinds.ToWire(k))], cell, report.TotalWeight, report.CoveredWeight,
            report.Share, report.Points, report.CoveredPoints, report.Districts, CellFeatures.From(report.UncoveredCells)));
    }

    internal static async Task<Results<Accepted<RunAccepted>, ValidationProblem, ProblemHttpResult>> StartRunAsync(
        HttpRequest request, ClaimsPrincipal user, PlanningQueries queries, PlanningRuns runs, IBackgroundJobClient jobs,
        IOptions<PlanningOptions> options, IOptions<RequestLimitsOptions> limits, IOptions<JsonOptions> json, TimeProvider time,
        CancellationToken cancellationToken)
    {
        using var read = await JsonBody.ReadAsync(request, limits.Value.MaxPlanningRunBodyBytes, limits.Value, cancellationToken);
        if (read.Refusal is { } refusal)
        {
            return refusal;
        }
        var body = PlanningRunRequest.Read(read.Document!.RootElement, json.Value.SerializerOptions, out var bodyProblems);
        if (body is null)
        {
            return ValidationProblems.From(bodyProblems);
        }
        var parameters = body.Validate(
            await queries.LayersAsync(cancellationToken), await queries.CandidateCountAsync(cancellationToken), options.Value, out var problems);
        if (parameters is null)
        {
            return ValidationProblems.From(problems);
        }
        var id = await runs.CreateAsync(
            JsonSerializer.Serialize(parameters, PlanningResult.Json), user.Identity?.Name, time.GetUtcNow(), cancellationToken);
        jobs.Enqueue<PlanningRunJob>(job => job.RunAsync(id, CancellationToken.None));
        var location = $"/api/planning/runs/{id}";
        return TypedResults.Accepted(location, new RunAccepted(id, "queued", location));
    }

    internal static async Task<Results<Ok<RunResponse>, ProblemHttpResult>> RunAsync(
        long id, PlanningRuns runs, CancellationToken cancellationToken) =>
        await runs.FindAsync(id, cancellationToken) is { } run ? TypedResults.Ok(RunResponse.From(run)) : NotFound(id);

    internal static async Task<Results<JsonHttpResult<SiteFeatureCollection>, ProblemHttpResult>> RunGeoJsonAsync(
        long id, PlanningRuns runs, CancellationToken cancellationToken)
    {
        var (result, problem) = await FinishedAsync(id, runs, cancellationToken);
        return result is null
            ? problem!
            : TypedResults.Json(PlanningExports.GeoJson(id, result), contentType: "application/geo+json");
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> RunCsvAsync(
        long id, PlanningRuns runs, CancellationToken cancellationToken)
    {
        var (result, problem) = await FinishedAsync(id, runs, cancellationToken);
        return result is null ? problem! : TypedResults.Text(PlanningExports.Csv(result), "text/csv; charset=utf-8");
    }

    private static async Task<(PlanningResult? Result, ProblemHttpResult? Problem)> FinishedAsync(
        long id, PlanningRuns runs, CancellationToken cancellationToken)
    {
        var run = await runs.FindAsync(id, cancellationToken);
        if (run is null)
        {
            return (null, NotFound(id));
        }
        if (run.ResultJson is null)
        {
            return (null, TypedResults.Problem(
                title: "Run has no result", detail: $"Run {id} is {run.Status}; exports exist once it has succeeded.",
                statusCode: StatusCodes.Status409Conflict));
        }
        return (JsonSerializer.Deserialize<PlanningResult>(run.ResultJson, PlanningResult.Json), null);
    }

    private static ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem(title: "Run not found", detail: $"No planning run has id {id}.", statusCode: StatusCodes.Status404NotFound);
}
