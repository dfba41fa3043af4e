using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StationMap.Domain.Planning;
using StationMap.Store;
using StationMap.Store.Planning;

namespace StationMap.Api.Planning;

/// <summary>
/// Runs one planning run: reads the layer's demand with its current coverage and all candidate sites, builds the
/// coverage sets, chooses the sites and stores the answer. A run that fails is recorded as failed with the reason and
/// not thrown, so not retried (the same input would fail the same way); one stopped by a shutdown is picked up again by Hangfire.
/// </summary>
public sealed class PlanningRunJob(
    PlanningRuns runs, StationDataSources dataSources, IOptions<PlanningOptions> options, IExactCoverSolver exactSolver, TimeProvider time,
    ILogger<PlanningRunJob> logger)
{
    // A big layer's demand query takes longer than the statement timeout that bounds public reads.
    private readonly PlanningQueries _queries = new(dataSources.Background);

    // Progress is written at most this often: a greedy round can take microseconds.
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    public async Task RunAsync(long runId, CancellationToken cancellationToken)
    {
        using var parametersJson = await runs.StartAsync(runId, time.GetUtcNow(), cancellationToken);
        if (parametersJson is null)
        {
            logger.LogWarning("Planning run {Run} does not exist or has finished; nothing to do", runId);
            return;
        }
        try
        {
            var parameters = parametersJson.Deserialize<PlanningRunParameters>(PlanningResult.Json)
                ?? throw new InvalidOperationException("the run has no parameters");
            var result = await SolveAsync(runId, parameters, cancellationToken);
            await runs.SucceedAsync(runId, JsonSerializer.Serialize(result, PlanningResult.Json), time.GetUtcNow(), cancellationToken);
            logger.LogInformation(
                "Planning run {Run}: {Solver} chose {Sites} sites covering {Objective} more in {Ms} ms",
                runId, result.Solver, result.Sites.Count, result.Objective, result.SolveMs);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Planning run {Run} failed", runId);
            await runs.FailAsync(runId, e.Message, time.GetUtcNow(), CancellationToken.None);
        }
    }

    private async Task<PlanningResult> SolveAsync(long runId, PlanningRunParameters parameters, CancellationToken cancellationToken)
    {
        var demand = await _queries.DemandCoverageAsync(parameters.Layer, parameters.RadiusM, parameters.StationKinds(), cancellationToken);
        var candidates = await _queries.CandidatesAsync(cancellationToken);
        var total = demand.Sum(d => d.Weight);
        var coveredBefore = demand.Where(d => d.Covered).Sum(d => d.Weight);

        // Existing coverage comes from PostGIS (the same answer as the coverage endpoint), so only uncovered demand goes in.
        var clock = Stopwatch.StartNew();
        var problem = CoverageProblem.Build(
            [.. demand.Where(d => !d.Covered).Select(d => new DemandPoint(d.Id, d.Lat, d.Lon, d.Weight))],
            [],
            [.. candidates.Select(c => new SitePoint(c.Id, c.Lat, c.Lon))],
            parameters.RadiusM);
        var coverageSets = clock.Elapsed;

        PlanningSolvers.TryParse(parameters.Solver, out var solver);
        var settings = options.Value;
        var lastWrite = time.GetTimestamp();
        var pending = Task.CompletedTask;
        void Progress(double fraction)
        {
            if (pending.IsCompleted && time.GetElapsedTime(lastWrite) >= ProgressInterval)
            {
                lastWrite = time.GetTimestamp();
                pending = runs.ReportProgressAsync(runId, 0.1 + 0.85 * fraction, CancellationToken.None);
            }
        }
        await runs.ReportProgressAsync(runId, 0.1, cancellationToken);
        var suggestion = await Task.Run(() => MaximalCovering.Solve(problem, new SiteSelectionOptions
        {
            P = parameters.P,
            Solver = solver,
            TimeLimit = TimeSpan.FromSeconds(parameters.TimeLimitSeconds),
            ExactMaxDemand = settings.ExactMaxDemand,
            ExactMaxCandidates = settings.ExactMaxCandidates,
            ExactWorkers = settings.ExactWorkers,
        }, exactSolver, Progress, cancellationToken), cancellationToken);
        await pending;

        var byId = candidates.ToDictionary(c => c.Id);
        var covered = coveredBefore;
        var sites = new List<SuggestedSiteResult>(suggestion.Sites.Count);
        foreach (var site in suggestion.Sites)
        {
            var c = byId[site.CandidateId];
            covered += site.MarginalGain;
            sites.Add(new SuggestedSiteResult(
                sites.Count + 1, c.Id, c.ExternalId, c.Name, c.HostType, c.Capacity, c.District, c.Address, c.Lat, c.Lon, site.MarginalGain, covered));
        }
        return new PlanningResult(
            suggestion.Solver.ToWire(), suggestion.Status, suggestion.Objective, suggestion.Bound, suggestion.Gap, suggestion.Swaps,
            total, coveredBefore, coveredBefore + suggestion.Objective, Share(coveredBefore, total), Share(coveredBefore + suggestion.Objective, total),
            demand.Count, problem.DemandCount, candidates.Count, problem.PairCount,
            coverageSets.TotalMilliseconds, suggestion.Elapsed.TotalMilliseconds, sites);
    }

    private static double Share(double covered, double total) => total > 0 ? covered / total : 0;
}
