namespace StationMap.Integration.Tests.Api;

// The wire shape of /api/stations/nearest as a client reads it, kept apart from the API's own types on purpose.
public sealed record NearestResponseDto(OriginDto Origin, List<NearestItemDto> Items);

public sealed record OriginDto(double Lat, double Lon);

public sealed record NearestItemDto(
    long Id, string Name, string Kind, double Lat, double Lon, string? Address, string? District, string[] Amenities,
    string? OpeningHours, double DistanceM, double BearingDeg, bool? OpenNow, NextChangeDto? NextChange,
    int? TruckParkingSpaces = null, double? MaxVehicleLengthM = null, bool HazmatAllowed = false);

public sealed record NextChangeDto(DateTimeOffset At, string Description);
