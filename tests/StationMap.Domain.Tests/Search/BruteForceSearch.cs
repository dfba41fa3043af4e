using StationMap.Domain.Geo;
using StationMap.Domain.Nearest;
using StationMap.Domain.Search;

namespace StationMap.Domain.Tests.Search;

/// <summary>
/// Search by a plain scan of every station, scored straight from the rules the README states: the tiers by string
/// comparison, the share by counting the query's pairs in the fields, the order by sorting everything. Shares only the
/// text normalisation with the index (tested on its own in <see cref="SearchTextTests"/>).
/// </summary>
internal sealed class BruteForceSearch(IReadOnlyList<StationIndexRow> rows)
{
    private readonly Station[] _stations = [.. rows.Select(row =>
    {
        var name = SearchText.Normalise(row.Name);
        return new Station(row, name, SearchText.WithoutGenericSuffixes(name), SearchText.Normalise(row.Address),
            SearchText.Normalise(row.District), SearchText.Normalise(row.Host));
    })];

    public List<Expected> Find(string text, double? lat, double? lon, int limit)
    {
        var core = SearchText.QueryCore(text);
        if (core.Length == 0)
        {
            return [];
        }
        var pairs = core.Length == 1 ? [core] : Enumerable.Range(0, core.Length - 1).Select(i => core.Substring(i, 2)).Distinct().ToList();
        var whole = new List<Expected>();
        var partial = new List<Expected>();
        foreach (var s in _stations)
        {
            double? distance = lat is { } la && lon is { } lo ? Geodesy.DistanceMeters(la, lo, s.Row.Lat, s.Row.Lon) : null;
            var match = MatchOf(s, core);
            if (match is { } m)
            {
                whole.Add(new Expected(s.Row.Id, m, 1, distance, s.Core.Length));
                continue;
            }
            // The best field's count; the name's field is the name with and without its suffixes.
            int Held(params string[] field) => pairs.Count(p => field.Any(t => t.Contains(p, StringComparison.Ordinal)));
            var held = Math.Max(Math.Max(Held(s.Name, s.Core), Held(s.Address)), Math.Max(Held(s.District), Held(s.Host)));
            if (pairs.Count >= 2 && 2 * held >= pairs.Count)
            {
                partial.Add(new Expected(s.Row.Id, SearchMatch.Partial, (double)held / pairs.Count, distance, s.Core.Length));
            }
        }
        // Partial matches only when no station holds the whole query.
        IEnumerable<Expected> ordered = (lat is null, whole.Count > 0) switch
        {
            (true, true) => whole.OrderByDescending(e => SearchRanking.Tier(e.Match)).ThenBy(e => e.CoreLength).ThenBy(e => e.Id),
            (true, false) => partial.OrderByDescending(e => e.Share).ThenBy(e => e.CoreLength).ThenBy(e => e.Id),
            (false, true) => whole.OrderByDescending(e => SearchRanking.Tier(e.Match) + 1.5 / (1 + e.DistanceM!.Value / 1000)).ThenBy(e => e.Id),
            (false, false) => partial.OrderByDescending(e => e.Share).ThenBy(e => e.DistanceM).ThenBy(e => e.Id),
        };
        return [.. ordered.Take(limit)];
    }

    private static SearchMatch? MatchOf(Station s, string q)
    {
        if (s.Name == q || s.Core == q)
        {
            return SearchMatch.NameExact;
        }
        if (s.Name.StartsWith(q, StringComparison.Ordinal) || s.Core.StartsWith(q, StringComparison.Ordinal))
        {
            return SearchMatch.NamePrefix;
        }
        if (s.Name.Contains(q, StringComparison.Ordinal) || s.Core.Contains(q, StringComparison.Ordinal))
        {
            return SearchMatch.Name;
        }
        if (s.Address.Contains(q, StringComparison.Ordinal))
        {
            return SearchMatch.Address;
        }
        if (s.District.Contains(q, StringComparison.Ordinal))
        {
            return SearchMatch.District;
        }
        return s.Host.Contains(q, StringComparison.Ordinal) ? SearchMatch.Host : null;
    }

    public sealed record Expected(long Id, SearchMatch Match, double Share, double? DistanceM, int CoreLength)
    {
        public override string ToString() => $"{Id}:{Match}:{Share:0.##}:{DistanceM:0.##}";
    }

    private sealed record Station(StationIndexRow Row, string Name, string Core, string Address, string District, string Host);
}
