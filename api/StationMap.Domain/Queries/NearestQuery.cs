namespace StationMap.Domain.Queries;

/// <summary>"Which k stations are nearest to this point", with the filters a worker or driver sets.</summary>
public sealed record NearestQuery
{
    public const int DefaultK = 10;
    public const int MaxK = 100;
    public const double MaxDistanceLimitM = 200_000;

    public required double Lat { get; init; }
    public required double Lon { get; init; }
    public int K { get; init; } = DefaultK;

    /// <summary>Kinds to include; empty means every kind.</summary>
    public IReadOnlyList<StationKind> Kinds { get; init; } = [];

    /// <summary>Amenities a station must all have.</summary>
    public Amenity Amenities { get; init; }

    public bool OpenNow { get; init; }
    public double? MaxDistanceM { get; init; }
}
