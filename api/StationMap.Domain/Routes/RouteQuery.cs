using StationMap.Domain.Geo;
using StationMap.Domain.Queries;

namespace StationMap.Domain.Routes;

/// <summary>"Which stops lie along this road ahead", as a driver's navigation app would ask it.</summary>
public sealed record RouteQuery
{
    public const int MinPositions = 2;
    public const int MaxPositions = 10_000;
    public const double MaxLengthM = 3_000_000;
    public const double DefaultCorridorM = 1_000;
    public const double MinCorridorM = 1;
    public const double MaxCorridorM = 5_000;
    public const int DefaultLimit = 200;
    public const int MaxLimit = 1_000;

    /// <summary>The route's positions in WGS-84, in driving order; consecutive duplicates allowed.</summary>
    public required IReadOnlyList<LatLon> Route { get; init; }

    /// <summary>How far from the route, in metres, a stop may be.</summary>
    public double CorridorM { get; init; } = DefaultCorridorM;

    public TruckFilter Truck { get; init; }

    /// <summary>At most this many stops, the first ones along the route.</summary>
    public int Limit { get; init; } = DefaultLimit;
}
