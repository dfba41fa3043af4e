using System.Diagnostics;

namespace StationMap.Domain.Planning;

/// <summary>Chooses up to p candidate sites that newly cover the most demand weight (maximal covering location).</summary>
public static class MaximalCovering
{
    /// <summary>
    /// Solves with the method the options ask for; <see cref="PlanningSolver.Auto"/> picks exact for small instances
    /// when there is an <paramref name="exactSolver"/>, greedy otherwise.
    /// </summary>
    public static SiteSuggestion Solve(
        CoverageProblem problem, SiteSelectionOptions options, IExactCoverSolver? exactSolver,
        Action<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.P);
        if (options.Solver == PlanningSolver.Exact && exactSolver is null)
        {
            throw new ArgumentException("An exact solve needs an exact solver.", nameof(exactSolver));
        }
        var clock = Stopwatch.StartNew();
        var chosen = LazyGreedy.Select(problem, options.P, f => progress?.Invoke(0.5 * f), cancellationToken);
        var swaps = SwapSearch.Improve(problem, chosen, cancellationToken);
        progress?.Invoke(0.5);

        // Null: greedy. Exact without a solver was refused above, so only Auto falls back here.
        var exact = options.Solver == PlanningSolver.Exact || (options.Solver == PlanningSolver.Auto && IsSmall(problem, options))
            ? exactSolver
            : null;
        if (exact is null)
        {
            var sites = Explain(problem, chosen);
            var objective = sites.Sum(s => s.MarginalGain);
            var bound = Math.Max(objective, GreedyBound(problem, chosen, options.P));
            progress?.Invoke(1);
            return new SiteSuggestion(PlanningSolver.Greedy, "local_optimum", sites, objective, bound, Gap(objective, bound), swaps, clock.Elapsed);
        }

        var result = exact.Solve(problem, options.P, options.TimeLimit, options.ExactWorkers, chosen, cancellationToken);
        progress?.Invoke(1);
        if (!result.Found)
        {
            var sites = Explain(problem, chosen);
            var objective = sites.Sum(s => s.MarginalGain);
            var bound = Math.Max(objective, Math.Min(result.Bound, GreedyBound(problem, chosen, options.P)));
            return new SiteSuggestion(PlanningSolver.Greedy, "greedy_fallback", sites, objective, bound, Gap(objective, bound), swaps, clock.Elapsed);
        }
        var exactSites = Explain(problem, result.Chosen);
        var exactObjective = exactSites.Sum(s => s.MarginalGain);
        var greedySites = Explain(problem, chosen);
        if (!result.Proven && greedySites.Sum(s => s.MarginalGain) > exactObjective)
        {
            // Stopped early on something worse than its own hint: the hint is the best known selection.
            exactSites = greedySites;
            exactObjective = greedySites.Sum(s => s.MarginalGain);
        }
        var exactBound = result.Proven ? exactObjective : Math.Max(exactObjective, result.Bound);
        return new SiteSuggestion(
            PlanningSolver.Exact, result.Proven ? "optimal" : "feasible", exactSites, exactObjective, exactBound,
            Gap(exactObjective, exactBound), swaps, clock.Elapsed);
    }

    /// <summary>Whether <see cref="PlanningSolver.Auto"/> would solve this instance exactly.</summary>
    /// <remarks>Candidates that cover no uncovered demand do not count: they never enter the model.</remarks>
    public static bool IsSmall(CoverageProblem problem, SiteSelectionOptions options) =>
        problem.DemandCount <= options.ExactMaxDemand && problem.UsefulCandidateCount <= options.ExactMaxCandidates;

    /// <summary>
    /// Orders a selection as greedy would build it from nothing, each site with what it adds to those before it;
    /// a site that adds nothing is dropped. Ties go to the lower candidate id.
    /// </summary>
    public static IReadOnlyList<SuggestedSite> Explain(CoverageProblem problem, IEnumerable<int> selection)
    {
        var left = selection.Distinct().Order().ToList();
        var covered = new bool[problem.DemandCount];
        var sites = new List<SuggestedSite>(left.Count);
        while (left.Count > 0)
        {
            var best = -1;
            var bestGain = 0.0;
            foreach (var c in left)
            {
                var gain = LazyGreedy.Gain(problem, c, covered);
                if (gain > bestGain)
                {
                    best = c;
                    bestGain = gain;
                }
            }
            if (best < 0)
            {
                break;
            }
            left.Remove(best);
            foreach (var d in problem.Covers(best))
            {
                covered[d] = true;
            }
            sites.Add(new SuggestedSite(best, problem.CandidateIds[best], bestGain));
        }
        return sites;
    }

    /// <summary>
    /// By submodularity, no p sites cover more than f(S) plus the p largest gains any site still has over S
    /// (the data-dependent bound of Leskovec et al., 2007); cheap, and often within a few percent.
    /// </summary>
    public static double GreedyBound(CoverageProblem problem, IReadOnlyList<int> selection, int p)
    {
        var covered = new bool[problem.DemandCount];
        var chosen = new bool[problem.CandidateCount];
        var value = 0.0;
        foreach (var c in selection)
        {
            chosen[c] = true;
            foreach (var d in problem.Covers(c))
            {
                if (!covered[d])
                {
                    covered[d] = true;
                    value += problem.Weights[d];
                }
            }
        }
        var gains = new List<double>();
        for (var c = 0; c < problem.CandidateCount; c++)
        {
            if (!chosen[c])
            {
                gains.Add(LazyGreedy.Gain(problem, c, covered));
            }
        }
        gains.Sort();
        gains.Reverse();
        return value + gains.Take(p).Sum();
    }

    private static double Gap(double objective, double bound) =>
        bound <= 0 ? 0 : Math.Max(0, (bound - objective) / bound);
}
