namespace StationMap.Domain.Search;

/// <summary>A search of station names, addresses, districts and hosts, optionally from a position.</summary>
public sealed record SearchQuery
{
    /// <summary>The longest query accepted, in characters once trimmed.</summary>
    public const int MaxLength = 100;

    public const int DefaultLimit = 10;

    public const int MaxLimit = 50;

    /// <summary>What the user typed.</summary>
    public required string Text { get; init; }

    /// <summary>Where the user is (WGS-84), or null; with a position nearer stations rank higher.</summary>
    public double? Lat { get; init; }

    public double? Lon { get; init; }

    public int Limit { get; init; } = DefaultLimit;

    public bool HasPosition => Lat is not null && Lon is not null;
}

/// <summary>One station of a search's answer.</summary>
/// <param name="Position">The station's position in the <see cref="Nearest.StationIndex"/> searched.</param>
/// <param name="Match">How it matched.</param>
/// <param name="Share">The share of the query's character pairs its fields hold: 1 unless the match is partial.</param>
/// <param name="DistanceM">Geodesic distance from the query's position in metres; null without one.</param>
/// <param name="BearingDegrees">Initial bearing from the query's position; null without one.</param>
public readonly record struct SearchHit(int Position, SearchMatch Match, double Share, double? DistanceM, double? BearingDegrees);
