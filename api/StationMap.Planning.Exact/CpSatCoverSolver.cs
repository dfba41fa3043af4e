using System.Globalization;
using Google.OrTools.Sat;
using StationMap.Domain.Planning;

namespace StationMap.Planning.Exact;

/// <summary>
/// The maximal covering location problem as an integer program (Church &amp; ReVelle, 1974), solved with CP-SAT:
/// maximise Σ wᵢ yᵢ subject to yᵢ ≤ Σ_{j covers i} xⱼ and Σ xⱼ ≤ p, with x, y binary.
/// Demand points covered by exactly the same candidates are merged into one yᵢ first (same optimum, fewer rows).
/// </summary>
public sealed class CpSatCoverSolver : IExactCoverSolver
{
    public static readonly CpSatCoverSolver Instance = new();

    /// <summary>Solves within the time limit, starting from <paramref name="hint"/> (e.g. the greedy answer).</summary>
    public ExactCoverResult Solve(
        CoverageProblem problem, int p, TimeSpan timeLimit, int workers, IReadOnlyList<int> hint, CancellationToken cancellationToken)
    {
        var groups = MergeIdenticalDemand(problem);
        // CP-SAT wants integer coefficients: whole weights (head counts) go in as they are, others in thousandths.
        var scale = problem.Weights.All(w => w == Math.Floor(w)) ? 1.0 : 1000.0;

        var model = new CpModel();
        // Candidates that cover nothing stay out of the model.
        var x = new BoolVar?[problem.CandidateCount];
        for (var c = 0; c < x.Length; c++)
        {
            if (problem.CandidateStart[c + 1] > problem.CandidateStart[c])
            {
                x[c] = model.NewBoolVar(string.Empty);
            }
        }
        var useful = x.OfType<BoolVar>().ToList();
        var y = new List<BoolVar>(groups.Count);
        var weights = new List<long>(groups.Count);
        foreach (var (demand, weight) in groups)
        {
            var covered = model.NewBoolVar(string.Empty);
            var literals = new List<ILiteral>(problem.DemandStart[demand + 1] - problem.DemandStart[demand] + 1) { covered.Not() };
            foreach (var c in problem.CoveredBy(demand))
            {
                literals.Add(x[c]!);
            }
            model.AddBoolOr(literals);
            y.Add(covered);
            weights.Add((long)Math.Round(weight * scale));
        }
        model.Add(LinearExpr.Sum(useful) <= p);
        model.Maximize(LinearExpr.WeightedSum(y, weights));
        var hinted = new HashSet<int>(hint);
        for (var c = 0; c < x.Length; c++)
        {
            if (x[c] is { } variable)
            {
                model.AddHint(variable, hinted.Contains(c) ? 1 : 0);
            }
        }

        using var solver = new CpSolver
        {
            StringParameters = string.Create(
                CultureInfo.InvariantCulture,
                $"max_time_in_seconds:{timeLimit.TotalSeconds} num_workers:{workers} random_seed:1 linearization_level:2"),
        };
        using var stop = cancellationToken.Register(solver.StopSearch);
        var status = solver.Solve(model);
        cancellationToken.ThrowIfCancellationRequested();
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return new ExactCoverResult(false, false, [], double.PositiveInfinity);
        }
        var chosen = Enumerable.Range(0, x.Length).Where(c => x[c] is { } v && solver.BooleanValue(v)).ToList();
        return new ExactCoverResult(true, status == CpSolverStatus.Optimal, chosen, solver.BestObjectiveBound / scale);
    }

    /// <summary>One representative demand index and the summed weight per distinct, non-empty coverer list.</summary>
    private static List<(int Demand, double Weight)> MergeIdenticalDemand(CoverageProblem problem)
    {
        var byCoverers = new Dictionary<string, int>(StringComparer.Ordinal);
        var groups = new List<(int Demand, double Weight)>();
        for (var d = 0; d < problem.DemandCount; d++)
        {
            var coverers = problem.CoveredBy(d);
            if (coverers.IsEmpty)
            {
                continue;
            }
            var key = string.Join(',', coverers.ToArray());
            if (byCoverers.TryGetValue(key, out var group))
            {
                groups[group] = (groups[group].Demand, groups[group].Weight + problem.Weights[d]);
            }
            else
            {
                byCoverers[key] = groups.Count;
                groups.Add((d, problem.Weights[d]));
            }
        }
        return groups;
    }
}
