namespace StationMap.Integration.Tests.Trucks;

public sealed record RouteStopsDto(double CorridorM, double LengthM, int Count, bool Truncated, int Limit, List<RouteStopDto> Items);

public sealed record RouteStopDto(
    long Id, string Name, string Kind, double Lat, double Lon, double AlongM, double OffsetM,
    int? TruckParkingSpaces, double? MaxVehicleLengthM, bool HazmatAllowed);
