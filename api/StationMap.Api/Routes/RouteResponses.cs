using StationMap.Api.Stations;
using StationMap.Domain;

namespace StationMap.Api.Routes;

/// <summary>Stops along a route, in the order a driver reaches them.</summary>
/// <param name="LengthM">The route's length, in metres.</param>
/// <param name="Count">How many stops the corridor holds; more than <c>items</c> when <paramref name="Truncated"/>.</param>
public sealed record RouteStopsResponse(double CorridorM, double LengthM, int Count, bool Truncated, int Limit, IReadOnlyList<RouteStop> Items);

/// <summary>A stop along a route: how far along the route it comes, how far off the route it is, what a truck needs.</summary>
public sealed record RouteStop : TruckStopSummary
{
    public RouteStop(Station station, double alongM, double offsetM) : base(station)
    {
        AlongM = alongM;
        OffsetM = offsetM;
    }

    public double AlongM { get; init; }

    public double OffsetM { get; init; }
}
