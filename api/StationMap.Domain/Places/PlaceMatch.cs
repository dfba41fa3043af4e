namespace StationMap.Domain.Places;

/// <summary>What one matching pass found.</summary>
public sealed class PlaceMatch
{
    internal PlaceMatch(IReadOnlyList<IReadOnlyList<long>> groups, IReadOnlyList<ReviewPair> review, IReadOnlyList<(long A, long B)> matchEdges, MatchCounts counts)
    {
        Groups = groups;
        Review = review;
        MatchEdges = matchEdges;
        Counts = counts;
    }

    /// <summary>The places of two records or more, each as its records' station ids in key order; records in none are places of their own.</summary>
    public IReadOnlyList<IReadOnlyList<long>> Groups { get; }

    /// <summary>Pairs for an operator: scored in the review band (or matched but refused by a rule) and left in two places, with no operator decision yet.</summary>
    public IReadOnlyList<ReviewPair> Review { get; }

    /// <summary>Every pair scored in the match band and every operator link, linked or not: what ties a record's place to its neighbours'.</summary>
    public IReadOnlyList<(long A, long B)> MatchEdges { get; }

    public MatchCounts Counts { get; }
}

/// <summary>Two records an operator should look at, in key order, with the evidence.</summary>
public readonly record struct ReviewPair(long StationA, long StationB, PairEvidence Evidence);

/// <summary>How many pairs the pass looked at and where they went.</summary>
/// <param name="Records">Records matched.</param>
/// <param name="Candidates">Pairs of different sources within their radius: every pair scored.</param>
/// <param name="MatchBand">Pairs scored in the match band.</param>
/// <param name="ReviewBand">Pairs scored in the review band.</param>
/// <param name="Refused">Match-band pairs left apart by a rule (one record per source, an operator's unlink).</param>
/// <param name="Places">Places of two records or more.</param>
public readonly record struct MatchCounts(int Records, long Candidates, int MatchBand, int ReviewBand, int Refused, int Places);
