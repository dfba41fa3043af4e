namespace StationMap.Api.Routes;

/// <summary>Stops along a route, in the order a driver reaches them.</summary>
/// <param name="LengthM">The route's length, in metres.</param>
/// <param name="Count">How many stops the corridor holds; more than <c>items</c> when <paramref name="Truncated"/>.</param>
public sealed record RouteStopsResponse(double CorridorM, double LengthM, int Count, bool Truncated, int Limit, IReadOnlyList<RouteStop> Items);

/// <summary>A stop along a route: how far along the route it comes, how far off the route it is, what a truck needs.</summary>
public sealed record RouteStop(
    long Id,
    string Name,
    string Kind,
    double Lat,
    double Lon,
    string? Address,
    string? Phone,
    string[] Amenities,
    string? OpeningHours,
    double AlongM,
    double OffsetM,
    int? TruckParkingSpaces,
    double? MaxVehicleLengthM,
    bool HazmatAllowed);
