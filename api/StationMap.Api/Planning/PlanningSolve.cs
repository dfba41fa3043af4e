using System.Diagnostics;
using Microsoft.Extensions.Options;
using StationMap.Domain.Planning;
using StationMap.Store;
using StationMap.Store.Planning;

namespace StationMap.Api.Planning;

/// <summary>
/// Suggests sites for a run's parameters: reads the layer's demand with its current coverage and all candidate sites,
/// builds the coverage sets, chooses the sites (greedy, exact or the configured choice between them) and ranks them with
/// the coverage each adds. Knows nothing of the run's lifecycle, which is <see cref="PlanningRunJob"/>'s.
/// </summary>
public sealed class PlanningSolve(StationDataSources dataSources, IOptions<PlanningOptions> options, IExactCoverSolver exactSolver)
{
    // A big layer's demand query takes longer than the statement timeout that bounds public reads.
    private readonly PlanningQueries _queries = new(dataSources.Background);

    /// <param name="progress">Told the solver's progress, 0 to 1, from the solving thread.</param>
    public async Task<PlanningResult> SolveAsync(PlanningRunParameters parameters, Action<double> progress, CancellationToken cancellationToken)
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
        var suggestion = await Task.Run(() => MaximalCovering.Solve(problem, new SiteSelectionOptions
        {
            P = parameters.P,
            Solver = solver,
            TimeLimit = TimeSpan.FromSeconds(parameters.TimeLimitSeconds),
            ExactMaxDemand = settings.ExactMaxDemand,
            ExactMaxCandidates = settings.ExactMaxCandidates,
            ExactWorkers = settings.ExactWorkers,
        }, exactSolver, progress, cancellationToken), cancellationToken);

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
