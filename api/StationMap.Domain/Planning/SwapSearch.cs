namespace StationMap.Domain.Planning;

/// <summary>
/// Vertex-substitution local search for maximal covering (Teitz &amp; Bart, 1968): repeatedly makes the best single
/// exchange of a chosen site for an unchosen one until none improves. Keeps, per demand point, how many chosen sites
/// cover it and the XOR of their indices, which names the sole coverer when the count is one; so one pass over all
/// exchanges costs one sweep of the coverage lists instead of p of them.
/// </summary>
public static class SwapSearch
{
    /// <summary>Improves <paramref name="chosen"/> in place (a swap keeps the outgoing site's position); returns the number of swaps.</summary>
    public static int Improve(CoverageProblem problem, List<int> chosen, CancellationToken cancellationToken = default)
    {
        if (chosen.Count == 0)
        {
            return 0;
        }
        var n = problem.CandidateCount;
        var inSet = new bool[n];
        var count = new int[problem.DemandCount];
        var sole = new int[problem.DemandCount];
        foreach (var c in chosen)
        {
            Open(problem, c, inSet, count, sole);
        }
        var reach = new double[n];
        var totalWeight = 0.0;
        for (var c = 0; c < n; c++)
        {
            foreach (var d in problem.Covers(c))
            {
                reach[c] += problem.Weights[d];
            }
        }
        foreach (var w in problem.Weights)
        {
            totalWeight += w;
        }
        // Float sums in different orders differ by rounding; an exchange must beat that to count as better.
        var epsilon = 1e-9 * Math.Max(1, totalWeight);

        var loss = new double[n];
        var bonus = new double[n];
        var touched = new List<int>();
        var swaps = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var cheapest = -1;
            foreach (var i in chosen)
            {
                loss[i] = 0;
                foreach (var d in problem.Covers(i))
                {
                    if (count[d] == 1)
                    {
                        loss[i] += problem.Weights[d];
                    }
                }
                if (cheapest < 0 || loss[i] < loss[cheapest] || (loss[i] == loss[cheapest] && i < cheapest))
                {
                    cheapest = i;
                }
            }

            var bestDelta = epsilon;
            var bestIn = -1;
            var bestOut = -1;
            for (var j = 0; j < n; j++)
            {
                // An exchange never gains more than the incoming site's reach; most candidates stop here.
                if (inSet[j] || reach[j] <= bestDelta)
                {
                    continue;
                }
                var gain = 0.0;
                foreach (var d in problem.Covers(j))
                {
                    if (count[d] == 0)
                    {
                        gain += problem.Weights[d];
                    }
                    else if (count[d] == 1)
                    {
                        var i = sole[d];
                        if (bonus[i] == 0)
                        {
                            touched.Add(i);
                        }
                        bonus[i] += problem.Weights[d];
                    }
                }
                // Dropping i loses loss[i], except what j covers again (bonus); the untouched site losing least is the default.
                var outSite = cheapest;
                var outValue = -loss[cheapest];
                foreach (var i in touched)
                {
                    var value = bonus[i] - loss[i];
                    if (value > outValue || (value == outValue && i < outSite))
                    {
                        outSite = i;
                        outValue = value;
                    }
                    bonus[i] = 0;
                }
                touched.Clear();
                if (gain + outValue > bestDelta)
                {
                    bestDelta = gain + outValue;
                    bestIn = j;
                    bestOut = outSite;
                }
            }
            if (bestIn < 0)
            {
                return swaps;
            }
            Close(problem, bestOut, inSet, count, sole);
            Open(problem, bestIn, inSet, count, sole);
            chosen[chosen.IndexOf(bestOut)] = bestIn;
            swaps++;
        }
    }

    private static void Open(CoverageProblem problem, int c, bool[] inSet, int[] count, int[] sole)
    {
        inSet[c] = true;
        foreach (var d in problem.Covers(c))
        {
            count[d]++;
            sole[d] ^= c;
        }
    }

    private static void Close(CoverageProblem problem, int c, bool[] inSet, int[] count, int[] sole)
    {
        inSet[c] = false;
        foreach (var d in problem.Covers(c))
        {
            count[d]--;
            sole[d] ^= c;
        }
    }
}
