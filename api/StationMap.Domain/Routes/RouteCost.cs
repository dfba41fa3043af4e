using StationMap.Domain.Geo;
using StationMap.Domain.Queries;

namespace StationMap.Domain.Routes;

/// <summary>
/// What a route query costs before it runs, and the most it may cost: the corridor's area counted leg by leg, each
/// leg a band of 2 × corridorM along it plus a disc of corridorM at its end, overlaps counted as often as they occur.
/// </summary>
/// <remarks>
/// Every station near the route is measured against every leg it is near, so the work is the stations' density times
/// this area: a straight road's legs overlap only at their ends, while a route doubling back on itself (a zig-zag of
/// 10,000 points inside one town) puts thousands of legs over the same stations. Measured on 1,000,000 generated
/// stations (Beijing's core holds ~175 per km²), the worst requests at the limit took 0.3-0.4 s of CPU; a 10,000-point
/// zig-zag with a 5 km corridor, ~785,000 km², took 4-5 s before the limit.
/// </remarks>
public static class RouteCost
{
    public const double MaxCorridorAreaKm2 = 100_000;

    public static double CorridorAreaKm2(RouteQuery query)
    {
        var (route, c) = (query.Route, query.CorridorM / 1000);
        var area = 0.0;
        for (var i = 1; i < route.Count; i++)
        {
            if (route[i] != route[i - 1])
            {
                var lengthKm = Geodesy.DistanceMeters(route[i - 1].Lat, route[i - 1].Lon, route[i].Lat, route[i].Lon) / 1000;
                area += 2 * c * lengthKm + Math.PI * c * c;
            }
        }
        return area;
    }

    /// <summary>Null when the query may run; otherwise what to change, naming corridorM (the knob that always helps).</summary>
    public static ParameterProblem? Exceeded(RouteQuery query)
    {
        var area = CorridorAreaKm2(query);
        if (area <= MaxCorridorAreaKm2)
        {
            return null;
        }
        return new ParameterProblem(
            "corridorM",
            $"with this route covers {area:0} km² (each leg: length × 2 × corridorM + π × corridorM², overlaps counted), " +
            $"more than the {MaxCorridorAreaKm2:0} km² allowed; narrow the corridor, or send fewer positions (simplify the route) or a shorter route");
    }
}
