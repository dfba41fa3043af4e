using StationMap.Domain.Geo;
using StationMap.Domain.Routes;

namespace StationMap.Domain.Tests.Routes;

/// <summary>The corridor area a route query is charged: each leg's band and end disc, overlaps counted; and the cap on it.</summary>
public sealed class RouteCostTests
{
    public static TheoryData<string, int, double, double, bool> Routes() => new()
    {
        // One 100 km leg at 5 km: 100 × 10 + π × 25 km².
        { "straight", 2, 5000, 1000 + Math.PI * 25, false },
        // 10,000 positions swinging 289 m north and back: 9,999 legs of ~289 m, each charged its band and disc.
        { "zig-zag", 10_000, 5000, 9_999 * (2 * 5 * 0.2889 + Math.PI * 25), true },
        { "zig-zag", 10_000, 1000, 9_999 * (2 * 1 * 0.2889 + Math.PI * 1), false },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void A_route_is_charged_each_legs_band_and_disc(string shape, int positions, double corridorM, double expectedKm2, bool refused)
    {
        var route = shape == "straight"
            ? [new LatLon(39.9, 116.3), new LatLon(39.9 + 100 / 111.0, 116.3)]
            : Enumerable.Range(0, positions).Select(i => new LatLon(39.90 + (i % 2) * 0.0026, 116.30 + i * 0.00003)).ToList();
        var query = new RouteQuery { Route = route, CorridorM = corridorM };

        Assert.Equal(expectedKm2, RouteCost.CorridorAreaKm2(query), 0.01 * expectedKm2);
        var problem = RouteCost.Exceeded(query);
        Assert.Equal(refused, problem is not null);
        if (problem is not null)
        {
            Assert.Equal("corridorM", problem.Parameter);
            Assert.Contains("100000 km²", problem.Reason);
        }
    }
}
