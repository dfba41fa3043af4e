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

    /// <summary>Only stations with truck parking (<c>truck=true</c>).</summary>
    public bool Truck { get; init; }

    /// <summary>Only stations that take a vehicle this long, in metres (<c>vehicleLengthM</c>).</summary>
    public double? VehicleLengthM { get; init; }

    /// <summary>Only stations that accept hazardous goods (<c>hazmat=true</c>).</summary>
    public bool Hazmat { get; init; }

    /// <summary>Leave out stations the check-ins say are closed (<c>excludeReportedClosed=true</c>).</summary>
    public bool ExcludeReportedClosed { get; init; }

    public TruckFilter TruckFilter => new(Truck, VehicleLengthM, Hazmat);
}
