namespace StationMap.Domain.Places;

/// <summary>
/// Finds which records of different sources are the same physical station, in one global pass: every candidate pair
/// is scored, operators' links are applied first, then the match-band pairs from the highest score down (ties by the
/// records' keys), each linking two places unless that would put two records of one source, or two records an operator
/// unlinked, in one place. Nothing depends on the order of the records given, so the places do not depend on the
/// order in which sources or rows were imported; greedy matchers that link in processing order (as OSM conflation
/// tools do) give different places for different orders.
/// </summary>
public sealed class PlaceMatcher(MatchSettings settings, PlaceNameRules rules)
{
    public PlaceMatcher(MatchSettings settings) : this(settings, PlaceNameRules.Default)
    {
    }

    public MatchSettings Settings => settings;

    /// <summary>Matches <paramref name="records"/> under the operators' <paramref name="decisions"/> (those naming other records are ignored).</summary>
    public PlaceMatch Match(IReadOnlyList<PlaceRecord> records, IReadOnlyCollection<PairDecision> decisions)
    {
        var prepared = PreparedRecord.All(records, settings, rules);
        var byId = new Dictionary<long, int>(prepared.Length);
        for (var i = 0; i < prepared.Length; i++)
        {
            byId[prepared[i].Record.Id] = i;
        }
        var (kept, candidates) = CandidatePairs.Find(prepared, settings, settings.ReviewScore);

        var assignment = new PlaceAssignment(prepared);
        var decided = new HashSet<(int, int)>();
        var links = new List<(int A, int B)>();
        foreach (var decision in decisions)
        {
            if (!byId.TryGetValue(decision.StationA, out var a) || !byId.TryGetValue(decision.StationB, out var b) || a == b)
            {
                continue;
            }
            var pair = a < b ? (a, b) : (b, a);
            decided.Add(pair);
            if (decision.Link)
            {
                links.Add(pair);
            }
            else
            {
                assignment.KeepApart(a, b);
            }
        }

        // Operators first (their links are not bound by the one-record-per-source rule), then the matcher's pairs,
        // best first; positions are in key order, so every tie is broken by keys.
        links.Sort();
        foreach (var (a, b) in links)
        {
            assignment.Union(a, b, oneRecordPerSource: false);
        }
        var matches = kept.Where(p => p.Evidence.Score >= settings.MatchScore && !decided.Contains((p.A, p.B))).ToList();
        matches.Sort(static (x, y) =>
            x.Evidence.Score != y.Evidence.Score ? y.Evidence.Score.CompareTo(x.Evidence.Score)
            : x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        var refused = new HashSet<(int, int)>();
        foreach (var pair in matches)
        {
            if (!assignment.Union(pair.A, pair.B, oneRecordPerSource: true))
            {
                refused.Add((pair.A, pair.B));
            }
        }

        var queued = kept.Where(p => !decided.Contains((p.A, p.B)) && !assignment.Together(p.A, p.B)
                && (p.Evidence.Score < settings.MatchScore || refused.Contains((p.A, p.B))))
            .ToList();
        queued.Sort(static (x, y) =>
            x.Evidence.Score != y.Evidence.Score ? y.Evidence.Score.CompareTo(x.Evidence.Score)
            : x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        var review = queued.Select(p => new ReviewPair(prepared[p.A].Record.Id, prepared[p.B].Record.Id, p.Evidence)).ToList();

        var groups = Groups(prepared, assignment);
        var edges = matches.Select(p => (prepared[p.A].Record.Id, prepared[p.B].Record.Id))
            .Concat(links.Select(l => (prepared[l.A].Record.Id, prepared[l.B].Record.Id)))
            .ToList();
        var matchBand = kept.Count(p => p.Evidence.Score >= settings.MatchScore);
        var counts = new MatchCounts(prepared.Length, candidates, matchBand, kept.Count - matchBand, refused.Count, groups.Count);
        return new PlaceMatch(groups, review, edges, counts);
    }

    // Positions ascend, so each group is in key order, and groups come in the key order of their first record.
    private static List<IReadOnlyList<long>> Groups(PreparedRecord[] prepared, PlaceAssignment assignment)
    {
        var byRoot = new Dictionary<int, List<long>>();
        var ordered = new List<List<long>>();
        for (var i = 0; i < prepared.Length; i++)
        {
            var root = assignment.Find(i);
            if (!byRoot.TryGetValue(root, out var members))
            {
                byRoot[root] = members = [];
                ordered.Add(members);
            }
            members.Add(prepared[i].Record.Id);
        }
        return [.. ordered.Where(g => g.Count > 1)];
    }
}
