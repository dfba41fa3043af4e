using System.Text.Json;

namespace StationMap.Api.Planning;

/// <summary>The answer of a run, as stored in <c>planning_run.result</c> and shown by <c>GET /api/planning/runs/{id}</c>.</summary>
/// <param name="Solver">greedy or exact: the method that chose <see cref="Sites"/>.</param>
/// <param name="Status">local_optimum, optimal, feasible or greedy_fallback (see <c>SiteSuggestion.Status</c>).</param>
/// <param name="Objective">Demand weight newly covered by the suggested sites.</param>
/// <param name="Bound">Upper bound on the best possible objective.</param>
/// <param name="Gap">(bound − objective) / bound.</param>
/// <param name="CoverageSetsMs">Time to build the coverage sets (spatial index and geodesic checks).</param>
/// <param name="SolveMs">Time of the solver (greedy, swaps and, if used, CP-SAT).</param>
public sealed record PlanningResult(
    string Solver,
    string Status,
    double Objective,
    double Bound,
    double Gap,
    int Swaps,
    double TotalWeight,
    double CoveredBefore,
    double CoveredAfter,
    double ShareBefore,
    double ShareAfter,
    int DemandPoints,
    int UncoveredPoints,
    int Candidates,
    int CoveragePairs,
    double CoverageSetsMs,
    double SolveMs,
    IReadOnlyList<SuggestedSiteResult> Sites)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

/// <summary>One suggested site, in the order that explains the choice.</summary>
/// <param name="Rank">1 for the site that adds the most, and so on.</param>
/// <param name="MarginalGain">Demand weight this site newly covers beyond the sites ranked before it.</param>
/// <param name="CoveredAfter">Covered weight (existing stations included) once this and every earlier site is open.</param>
public sealed record SuggestedSiteResult(
    int Rank, long CandidateId, string ExternalId, string Name, string HostType, int? Capacity, string? District, string? Address,
    double Lat, double Lon, double MarginalGain, double CoveredAfter);
