namespace StationMap.Domain.Nearest;

/// <summary>What the nearest index keeps of one live station: what the filters test, what an answer shows and what search looks through.</summary>
public readonly record struct StationIndexRow(
    long Id,
    StationKind Kind,
    string Name,
    string? Address,
    string? District,
    double Lat,
    double Lon,
    Amenity Amenities,
    string? OpeningHours,
    int? TruckParkingSpaces = null,
    double? MaxVehicleLengthM = null,
    bool HazmatAllowed = false,
    string? Host = null);
