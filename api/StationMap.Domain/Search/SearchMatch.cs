namespace StationMap.Domain.Search;

/// <summary>How a station matched a search, best first; see <see cref="SearchRanking"/>.</summary>
public enum SearchMatch
{
    /// <summary>The name is the query, with or without its generic suffix.</summary>
    NameExact,

    /// <summary>The name (with or without its generic suffix) begins with the query.</summary>
    NamePrefix,

    /// <summary>The name holds the query.</summary>
    Name,

    /// <summary>The address holds the query (the name does not).</summary>
    Address,

    /// <summary>The district holds the query (neither the name nor the address does).</summary>
    District,

    /// <summary>The host holds the query (no other field does).</summary>
    Host,

    /// <summary>No field holds the whole query, but the station's fields hold at least half of its character pairs.</summary>
    Partial,
}

public static class SearchMatches
{
    public static string ToWire(this SearchMatch match) => match switch
    {
        SearchMatch.NameExact => "name_exact",
        SearchMatch.NamePrefix => "name_prefix",
        SearchMatch.Name => "name",
        SearchMatch.Address => "address",
        SearchMatch.District => "district",
        SearchMatch.Host => "host",
        _ => "partial",
    };

    /// <summary>Every wire name, best match first.</summary>
    public static IReadOnlyList<string> WireNames { get; } = [.. Enum.GetValues<SearchMatch>().Select(ToWire)];
}
