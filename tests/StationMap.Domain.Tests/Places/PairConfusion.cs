using System.Globalization;
using System.Text;
using StationMap.Domain.Places;

namespace StationMap.Domain.Tests.Places;

/// <summary>
/// What the matcher made of every pair of records, against the truth: linked (same place), queued for review, or left
/// apart, for pairs of the same station and of different stations. Pairs are unordered pairs of record ids.
/// </summary>
public sealed class PairConfusion
{
    public long SameLinked { get; private init; }
    public long SameReview { get; private init; }
    public long SameApart { get; private init; }
    public long OtherLinked { get; private init; }
    public long OtherReview { get; private init; }
    public long Candidates { get; private init; }

    public long Linked => SameLinked + OtherLinked;
    public long Review => SameReview + OtherReview;
    public long SamePairs => SameLinked + SameReview + SameApart;

    /// <summary>Of the pairs linked automatically, the share that are one station.</summary>
    public double Precision => Linked == 0 ? 1 : (double)SameLinked / Linked;

    /// <summary>Of the pairs that are one station, the share linked automatically.</summary>
    public double Recall => SamePairs == 0 ? 1 : (double)SameLinked / SamePairs;

    /// <summary>Of the pairs the matcher found (linked or queued), the share an operator must look at.</summary>
    public double ReviewShare => Linked + Review == 0 ? 0 : (double)Review / (Linked + Review);

    public static PairConfusion Of(IReadOnlyList<(long Id, string Station)> truth, PlaceMatch match) =>
        Of(truth, match.Groups, [.. match.Review.Select(r => (r.StationA, r.StationB))], match.Counts.Candidates);

    public static PairConfusion Of(
        IReadOnlyList<(long Id, string Station)> truth, IReadOnlyList<IReadOnlyList<long>> groups, IReadOnlyList<(long A, long B)> reviewPairs, long candidates)
    {
        var stationOf = truth.ToDictionary(t => t.Id, t => t.Station);
        var linked = new HashSet<(long, long)>();
        foreach (var group in groups)
        {
            for (var i = 0; i < group.Count; i++)
            {
                for (var j = i + 1; j < group.Count; j++)
                {
                    linked.Add(Pair(group[i], group[j]));
                }
            }
        }
        var review = reviewPairs.Select(r => Pair(r.A, r.B)).ToHashSet();
        var same = truth.GroupBy(t => t.Station).SelectMany(g =>
        {
            var ids = g.Select(t => t.Id).ToList();
            return ids.SelectMany((a, i) => ids.Skip(i + 1).Select(b => Pair(a, b)));
        }).ToHashSet();
        return new PairConfusion
        {
            SameLinked = same.Count(linked.Contains),
            SameReview = same.Count(p => !linked.Contains(p) && review.Contains(p)),
            SameApart = same.Count(p => !linked.Contains(p) && !review.Contains(p)),
            OtherLinked = linked.Count(p => stationOf[p.Item1] != stationOf[p.Item2]),
            OtherReview = review.Count(p => stationOf[p.Item1] != stationOf[p.Item2]),
            Candidates = candidates,
        };
    }

    public static PairConfusion Sum(PairConfusion a, PairConfusion b) => new()
    {
        SameLinked = a.SameLinked + b.SameLinked,
        SameReview = a.SameReview + b.SameReview,
        SameApart = a.SameApart + b.SameApart,
        OtherLinked = a.OtherLinked + b.OtherLinked,
        OtherReview = a.OtherReview + b.OtherReview,
        Candidates = a.Candidates + b.Candidates,
    };

    public string Table(string title)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{title}: {Candidates} candidate pairs scored");
        text.AppendLine("| truth \\ matcher | linked | review | apart |");
        text.AppendLine("|---|---:|---:|---:|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| same station | {SameLinked} | {SameReview} | {SameApart} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| different stations | {OtherLinked} | {OtherReview} | (the rest) |");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"precision {Precision:P2}, recall {Recall:P2}, review share {ReviewShare:P2} of the pairs found ({Review} of {Linked + Review}), {(Candidates == 0 ? 0 : (double)Review / Candidates):P2} of the candidates");
        return text.ToString();
    }

    private static (long, long) Pair(long a, long b) => a < b ? (a, b) : (b, a);
}
