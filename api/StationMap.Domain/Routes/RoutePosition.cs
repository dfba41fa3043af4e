namespace StationMap.Domain.Routes;

/// <summary>Where a point lies relative to a route, in metres.</summary>
/// <param name="AlongM">From the route's start to the point of the route closest to the point, on the route's first passage within the corridor.</param>
/// <param name="OffsetM">The point's distance from the route (its nearest passage).</param>
public readonly record struct RoutePosition(double AlongM, double OffsetM);
