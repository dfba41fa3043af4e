namespace StationMap.Domain.Planning;

/// <summary>Which method chooses the sites.</summary>
public enum PlanningSolver
{
    /// <summary>Lazy greedy, then swaps until none improves: fast at city scale, at least (1 − 1/e) of the optimum.</summary>
    Greedy,

    /// <summary>CP-SAT integer program: proves optimality (or a bound) for instances up to a configured size.</summary>
    Exact,

    /// <summary>Exact when the instance is small enough, greedy otherwise.</summary>
    Auto,
}

/// <summary>Wire names of <see cref="PlanningSolver"/>.</summary>
public static class PlanningSolvers
{
    private static readonly string[] Names = ["greedy", "exact", "auto"];

    public static IReadOnlyList<string> WireNames => Names;

    public static string ToWire(this PlanningSolver solver) => Names[(int)solver];

    public static bool TryParse(string? text, out PlanningSolver solver)
    {
        var index = Array.IndexOf(Names, text?.Trim().ToLowerInvariant());
        solver = index < 0 ? default : (PlanningSolver)index;
        return index >= 0;
    }
}

/// <summary>One suggested site, in the order that explains the choice: each adds the most of what is left.</summary>
/// <param name="Candidate">Index into <see cref="CoverageProblem.CandidateIds"/>.</param>
/// <param name="CandidateId">The candidate site's id.</param>
/// <param name="MarginalGain">Demand weight this site newly covers beyond the sites before it in the list.</param>
public sealed record SuggestedSite(int Candidate, long CandidateId, double MarginalGain);

/// <summary>The answer of a site selection, with what is known about how good it is.</summary>
/// <param name="Solver">The method that produced <see cref="Sites"/> (never <see cref="PlanningSolver.Auto"/>).</param>
/// <param name="Status">
/// <c>local_optimum</c> (greedy: no single swap improves), <c>optimal</c> (exact, proven), <c>feasible</c>
/// (exact, stopped by the time limit with a bound), or <c>greedy_fallback</c> (exact found nothing in time).
/// </param>
/// <param name="Sites">At most p sites; a site that would add no coverage is never suggested.</param>
/// <param name="Objective">Demand weight newly covered by <see cref="Sites"/>.</param>
/// <param name="Bound">An upper bound on the best possible objective: proven by CP-SAT, or from submodularity for greedy.</param>
/// <param name="Gap">(Bound − Objective) / Bound; 0 when proven optimal.</param>
/// <param name="Swaps">Improving swaps the local search made.</param>
/// <param name="Elapsed">Solve time (coverage sets excluded).</param>
public sealed record SiteSuggestion(
    PlanningSolver Solver,
    string Status,
    IReadOnlyList<SuggestedSite> Sites,
    double Objective,
    double Bound,
    double Gap,
    int Swaps,
    TimeSpan Elapsed);

/// <summary>How to choose sites.</summary>
public sealed record SiteSelectionOptions
{
    /// <summary>How many sites to open, at most.</summary>
    public required int P { get; init; }

    public PlanningSolver Solver { get; init; } = PlanningSolver.Auto;

    /// <summary>Wall-clock limit of the exact solver.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary><see cref="PlanningSolver.Auto"/> solves exactly up to this many uncovered demand points…</summary>
    public int ExactMaxDemand { get; init; } = 5_000;

    /// <summary>…and this many candidates.</summary>
    public int ExactMaxCandidates { get; init; } = 1_000;

    /// <summary>
    /// CP-SAT search workers. One keeps the answer the same from run to run (a proof is the same on any count,
    /// but which of several equally good selections is found is not).
    /// </summary>
    public int ExactWorkers { get; init; } = 1;
}
