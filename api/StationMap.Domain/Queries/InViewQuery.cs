namespace StationMap.Domain.Queries;

/// <summary>
/// "Which stations are in this box", one page at a time, with the filters of a <see cref="NearestQuery"/> (same
/// meaning). Stations come by id: a page holds the first <see cref="Limit"/> matching stations with an id above
/// <see cref="AfterId"/>, so a client reads every station of a region by passing the last id it got.
/// </summary>
public sealed record InViewQuery
{
    /// <summary>The most stations one page may hold.</summary>
    public const int MaxLimit = 5000;

    public required BoundingBox Box { get; init; }

    /// <summary>Kinds to include; empty means every kind.</summary>
    public IReadOnlyList<StationKind> Kinds { get; init; } = [];

    /// <summary>Amenities a station must all have.</summary>
    public Amenity Amenities { get; init; }

    public bool OpenNow { get; init; }

    public TruckFilter Truck { get; init; }

    /// <summary>Only stations with a larger id (the last id of the previous page); 0 starts at the first.</summary>
    public long AfterId { get; init; }

    public required int Limit { get; init; }
}
