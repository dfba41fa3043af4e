namespace StationMap.Api.Stations;

/// <summary>The answer to a nearest query: where it was asked from and the stations, nearest first.</summary>
public sealed record NearestResponse(Origin Origin, IReadOnlyList<NearestItem> Items);

public sealed record Origin(double Lat, double Lon);

/// <summary>One station in a nearest answer.</summary>
/// <param name="OpenNow">Null when the hours are unknown or cannot be read.</param>
public sealed record NearestItem(
    long Id,
    string Name,
    string Kind,
    double Lat,
    double Lon,
    string? Address,
    string? District,
    string[] Amenities,
    string? OpeningHours,
    double DistanceM,
    double BearingDeg,
    bool? OpenNow,
    NextChange? NextChange);

/// <summary>When the open/closed state flips next, and the same in words ("closes at 18:00").</summary>
public sealed record NextChange(DateTimeOffset At, string Description);

/// <summary>A station in full, for its card.</summary>
public sealed record StationDetail(
    long Id,
    string Source,
    string ExternalId,
    string Name,
    string Kind,
    double Lat,
    double Lon,
    string? Address,
    string? District,
    string[] Amenities,
    string? OpeningHours,
    bool? OpenNow,
    NextChange? NextChange,
    int? TruckParkingSpaces,
    double? MaxVehicleLengthM,
    bool HazmatAllowed,
    string? Phone,
    string? Host,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? RetiredAt);
