namespace StationMap.Api.Stations.Search;

/// <summary>
/// The answer to a search: what was looked for (the query as compared: normalised, without generic suffixes), where
/// from (null without a position), and the stations, best first.
/// </summary>
public sealed record SearchResponse(string Query, Origin? Origin, IReadOnlyList<SearchItem> Items);

/// <summary>One station of a search's answer: the station as every list shows it, how it matched, and with a position how far.</summary>
public sealed record SearchItem : StationSummary
{
    public SearchItem(StationSummary station, string match, double share, double? distanceM, double? bearingDeg, OpeningStatus status) : base(station)
    {
        Match = match;
        Share = share;
        DistanceM = distanceM;
        BearingDeg = bearingDeg;
        OpenNow = status.OpenNow;
        NextChange = status.NextChange;
    }

    /// <summary>name_exact, name_prefix, name, address, district, host, or partial.</summary>
    public string Match { get; init; }

    /// <summary>The share of the query's character pairs the matching field holds: 1 unless the match is partial.</summary>
    public double Share { get; init; }

    /// <summary>Geodesic distance from the searcher in metres; null without a position.</summary>
    public double? DistanceM { get; init; }

    /// <summary>Initial bearing from the searcher in degrees; null without a position.</summary>
    public double? BearingDeg { get; init; }

    /// <summary>Null when the hours are unknown or cannot be read.</summary>
    public bool? OpenNow { get; init; }

    public NextChange? NextChange { get; init; }
}
