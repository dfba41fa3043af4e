namespace StationMap.Domain.Planning;

/// <summary>
/// Greedy maximal covering with lazy evaluation (CELF: Leskovec et al., 2007; Minoux's accelerated greedy, 1978):
/// coverage is submodular, so a gain computed in an earlier round bounds the current one, and only the head of the
/// priority queue needs recomputing. Picks exactly what plain greedy picks, ties going to the lower candidate id.
/// </summary>
public static class LazyGreedy
{
    /// <summary>Up to <paramref name="p"/> candidate indices in the order chosen; stops early when nothing adds coverage.</summary>
    public static List<int> Select(CoverageProblem problem, int p, Action<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var covered = new bool[problem.DemandCount];
        var stamp = new int[problem.CandidateCount];
        var queue = new PriorityQueue<int, (double Gain, int Index)>(problem.CandidateCount, GainOrder.Instance);
        for (var c = 0; c < problem.CandidateCount; c++)
        {
            var gain = 0.0;
            foreach (var d in problem.Covers(c))
            {
                gain += problem.Weights[d];
            }
            queue.Enqueue(c, (gain, c));
        }

        var chosen = new List<int>(p);
        for (var round = 0; round < p && queue.Count > 0; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            while (queue.TryPeek(out var head, out _) && stamp[head] != round)
            {
                queue.Dequeue();
                stamp[head] = round;
                queue.Enqueue(head, (Gain(problem, head, covered), head));
            }
            queue.TryDequeue(out var best, out var priority);
            if (priority.Gain <= 0)
            {
                break;
            }
            chosen.Add(best);
            foreach (var d in problem.Covers(best))
            {
                covered[d] = true;
            }
            progress?.Invoke((round + 1.0) / p);
        }
        return chosen;
    }

    internal static double Gain(CoverageProblem problem, int candidate, bool[] covered)
    {
        var gain = 0.0;
        foreach (var d in problem.Covers(candidate))
        {
            if (!covered[d])
            {
                gain += problem.Weights[d];
            }
        }
        return gain;
    }

    /// <summary>Larger gain first; then the lower index, which is the lower candidate id.</summary>
    private sealed class GainOrder : IComparer<(double Gain, int Index)>
    {
        public static readonly GainOrder Instance = new();

        public int Compare((double Gain, int Index) x, (double Gain, int Index) y)
        {
            var byGain = y.Gain.CompareTo(x.Gain);
            return byGain != 0 ? byGain : x.Index.CompareTo(y.Index);
        }
    }
}
