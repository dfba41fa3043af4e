namespace StationMap.Domain.Planning;

/// <summary>
/// A maximal covering location problem (Church &amp; ReVelle, 1974) reduced to what a choice can change: the demand
/// that no existing station covers yet, and for each candidate the set of that demand within the radius.
/// Coverage sets are sparse lists built through a <see cref="PointGrid"/>; no demand × candidate matrix is formed.
/// </summary>
public sealed class CoverageProblem
{
    private CoverageProblem(
        long[] candidateIds, double[] weights, int[] candidateStart, int[] candidateDemand,
        int[] demandStart, int[] demandCandidate, double totalWeight, double coveredBeforeWeight)
    {
        CandidateIds = candidateIds;
        Weights = weights;
        CandidateStart = candidateStart;
        CandidateDemand = candidateDemand;
        DemandStart = demandStart;
        DemandCandidate = demandCandidate;
        TotalWeight = totalWeight;
        CoveredBeforeWeight = coveredBeforeWeight;
    }

    /// <summary>Candidate ids, ascending; a candidate's index in this array is its index everywhere else.</summary>
    public long[] CandidateIds { get; }

    /// <summary>Weights of the demand points still uncovered (the only demand that takes part).</summary>
    public double[] Weights { get; }

    /// <summary>Coverage sets, compressed: candidate c covers <c>CandidateDemand[CandidateStart[c]..CandidateStart[c+1]]</c>.</summary>
    public int[] CandidateStart { get; }

    public int[] CandidateDemand { get; }

    /// <summary>The inverse lists: demand d is covered by <c>DemandCandidate[DemandStart[d]..DemandStart[d+1]]</c>.</summary>
    public int[] DemandStart { get; }

    public int[] DemandCandidate { get; }

    /// <summary>Weight of all demand, covered or not.</summary>
    public double TotalWeight { get; }

    /// <summary>Weight of the demand that existing stations already cover.</summary>
    public double CoveredBeforeWeight { get; }

    public int CandidateCount => CandidateIds.Length;

    public int DemandCount => Weights.Length;

    /// <summary>Candidates that cover at least one uncovered demand point.</summary>
    public int UsefulCandidateCount => Enumerable.Range(0, CandidateCount).Count(c => CandidateStart[c + 1] > CandidateStart[c]);

    /// <summary>Number of (candidate, demand) coverage pairs.</summary>
    public int PairCount => CandidateDemand.Length;

    public ReadOnlySpan<int> Covers(int candidate) =>
        CandidateDemand.AsSpan(CandidateStart[candidate], CandidateStart[candidate + 1] - CandidateStart[candidate]);

    public ReadOnlySpan<int> CoveredBy(int demand) =>
        DemandCandidate.AsSpan(DemandStart[demand], DemandStart[demand + 1] - DemandStart[demand]);

    /// <summary>Builds the problem. Demand within <paramref name="radiusM"/> of any station counts as covered already.</summary>
    public static CoverageProblem Build(
        IReadOnlyList<DemandPoint> demand, IReadOnlyList<SitePoint> stations, IReadOnlyList<SitePoint> candidates, double radiusM)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(radiusM);
        var maxAbsLat = 0.0;
        foreach (var d in demand)
        {
            maxAbsLat = Math.Max(maxAbsLat, Math.Abs(d.Lat));
        }
        foreach (var s in stations)
        {
            maxAbsLat = Math.Max(maxAbsLat, Math.Abs(s.Lat));
        }
        foreach (var c in candidates)
        {
            maxAbsLat = Math.Max(maxAbsLat, Math.Abs(c.Lat));
        }

        var stationGrid = PointGrid.Over(stations, radiusM, maxAbsLat);
        var total = 0.0;
        var coveredBefore = 0.0;
        var open = new List<DemandPoint>(demand.Count);
        foreach (var d in demand.OrderBy(d => d.Id))
        {
            total += d.Weight;
            if (stationGrid.AnyWithin(d.Lat, d.Lon))
            {
                coveredBefore += d.Weight;
            }
            else if (d.Weight > 0)
            {
                // Weightless demand cannot change which sites are best; leaving it out keeps the problem small.
                open.Add(d);
            }
        }

        var demandLat = open.Select(d => d.Lat).ToArray();
        var demandLon = open.Select(d => d.Lon).ToArray();
        var demandGrid = new PointGrid(demandLat, demandLon, radiusM, maxAbsLat);
        var sorted = candidates.OrderBy(c => c.Id).ToArray();
        var candidateStart = new int[sorted.Length + 1];
        var pairs = new List<int>();
        for (var c = 0; c < sorted.Length; c++)
        {
            demandGrid.Within(sorted[c].Lat, sorted[c].Lon, pairs);
            candidateStart[c + 1] = pairs.Count;
        }
        var candidateDemand = pairs.ToArray();

        // Invert by counting: the candidate lists of each demand come out in ascending candidate order.
        var demandStart = new int[open.Count + 1];
        foreach (var d in candidateDemand)
        {
            demandStart[d + 1]++;
        }
        for (var d = 0; d < open.Count; d++)
        {
            demandStart[d + 1] += demandStart[d];
        }
        var next = demandStart[..^1];
        var demandCandidate = new int[candidateDemand.Length];
        for (var c = 0; c < sorted.Length; c++)
        {
            for (var k = candidateStart[c]; k < candidateStart[c + 1]; k++)
            {
                demandCandidate[next[candidateDemand[k]]++] = c;
            }
        }

        return new CoverageProblem(
            sorted.Select(c => c.Id).ToArray(), open.Select(d => d.Weight).ToArray(),
            candidateStart, candidateDemand, demandStart, demandCandidate, total, coveredBefore);
    }

    /// <summary>Weight newly covered by opening the given candidates (indices), counting shared demand once.</summary>
    public double CoveredWeight(IEnumerable<int> chosen)
    {
        var covered = new bool[DemandCount];
        var sum = 0.0;
        foreach (var c in chosen)
        {
            foreach (var d in Covers(c))
            {
                if (!covered[d])
                {
                    covered[d] = true;
                    sum += Weights[d];
                }
            }
        }
        return sum;
    }
}
