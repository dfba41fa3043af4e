namespace StationMap.Domain.Search;

/// <summary>
/// The order of a search's answer. Every station whose name, address, district or host holds the query comes first,
/// in tiers: the name is the query (4), the name begins with it (3), the name holds it (2), another field holds it (1).
/// Without a position they are ordered by tier, then by the shorter name without its generic suffixes, then by id.
/// With a position each scores its tier plus a nearness bonus of 1.5 / (1 + d / 1 km) (1.5 at the spot, 0.75 at
/// 1 km, 0.14 at 10 km), highest first, ties by id: a station a few hundred metres away passes a farther one of the
/// tier just above, never one two tiers up. When no station holds the whole query, the answer is the partial matches
/// instead: stations whose fields together hold at least half of the query's character pairs (so never for a query
/// of one or two characters), more pairs first, then the shorter name (or the nearer station, with a position), then id.
/// </summary>
public static class SearchRanking
{
    /// <summary>The nearness bonus at the searcher's position.</summary>
    public const double MaxNearnessBonus = 1.5;

    /// <summary>The distance at which the bonus halves, in metres.</summary>
    public const double NearnessScaleM = 1000;

    public static double NearnessBonus(double distanceM) => MaxNearnessBonus / (1 + distanceM / NearnessScaleM);

    /// <summary>The tier of a match that holds the whole query (0 for a partial match).</summary>
    public static int Tier(SearchMatch match) => match switch
    {
        SearchMatch.NameExact => 4,
        SearchMatch.NamePrefix => 3,
        SearchMatch.Name => 2,
        SearchMatch.Address or SearchMatch.District or SearchMatch.Host => 1,
        _ => 0,
    };
}
