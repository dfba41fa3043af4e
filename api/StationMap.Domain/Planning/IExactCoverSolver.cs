namespace StationMap.Domain.Planning;

/// <summary>
/// Solves the maximal covering problem exactly, as an integer program. The Domain only states what it needs: the
/// solver (CP-SAT, in StationMap.Planning.Exact) brings native libraries that only the API should carry.
/// </summary>
public interface IExactCoverSolver
{
    /// <summary>Solves within the time limit, starting from <paramref name="hint"/> (e.g. the greedy answer).</summary>
    ExactCoverResult Solve(
        CoverageProblem problem, int p, TimeSpan timeLimit, int workers, IReadOnlyList<int> hint, CancellationToken cancellationToken);
}

/// <summary>What the exact solver returned.</summary>
/// <param name="Found">Whether it found any selection within the time limit.</param>
/// <param name="Proven">Whether the selection is proven optimal.</param>
/// <param name="Chosen">Candidate indices, ascending.</param>
/// <param name="Bound">Proven upper bound on the objective (in weight units).</param>
public sealed record ExactCoverResult(bool Found, bool Proven, IReadOnlyList<int> Chosen, double Bound);
