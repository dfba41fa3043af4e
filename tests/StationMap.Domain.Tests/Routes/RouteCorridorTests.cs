using StationMap.Domain.Geo;
using StationMap.Domain.Routes;

namespace StationMap.Domain.Tests.Routes;

/// <summary>The corridor's measurements against Vincenty on lines where the answer is known: meridians and long legs.</summary>
public sealed class RouteCorridorTests
{
    private const int Seed = 31_415;

    [Fact]
    public void Along_a_meridian_positions_are_the_geodesic_distance_to_the_foot_and_offsets_the_distance_across()
    {
        // Meridians are geodesics: along is the Vincenty distance to the foot, found by searching the meridian.
        var random = new Random(Seed);
        var corridor = new RouteCorridor([new LatLon(39.0, 116.0), new LatLon(41.5, 116.0)], 5_000);
        Assert.Equal(Geodesy.DistanceMeters(39.0, 116.0, 41.5, 116.0), corridor.LengthM, 0.05);
        for (var i = 0; i < 500; i++)
        {
            var lat = 39.05 + random.NextDouble() * 2.4;
            var lon = 116.0 + (random.NextDouble() - 0.5) * 0.11;
            var position = corridor.Locate(lat, lon);
            var foot = FootOnMeridian(lat, lon, 116.0);
            var across = Geodesy.DistanceMeters(foot, 116.0, lat, lon);
            if (across > 5_000.5)
            {
                Assert.Null(position);
                continue;
            }
            if (across < 4_999.5)
            {
                Assert.NotNull(position);
                Assert.True(Math.Abs(position.Value.OffsetM - across) < 0.1, $"seed {Seed} sample {i}: offset {position.Value.OffsetM} vs {across}");
                var along = Geodesy.DistanceMeters(39.0, 116.0, foot, 116.0);
                Assert.True(Math.Abs(position.Value.AlongM - along) < 0.1, $"seed {Seed} sample {i}: along {position.Value.AlongM} vs {along}");
            }
        }
    }

    // Golden-section search for the latitude on the meridian nearest to the point.
    private static double FootOnMeridian(double lat, double lon, double meridian)
    {
        var (lo, hi) = (lat - 0.01, lat + 0.01);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        while (hi - lo > 1e-11)
        {
            var (x1, x2) = (hi - ratio * (hi - lo), lo + ratio * (hi - lo));
            if (Geodesy.DistanceMeters(x1, meridian, lat, lon) < Geodesy.DistanceMeters(x2, meridian, lat, lon))
            {
                hi = x2;
            }
            else
            {
                lo = x1;
            }
        }
        return (lo + hi) / 2;
    }

    [Fact]
    public void A_long_leg_is_measured_like_a_short_one()
    {
        // A 2,000 km east-west leg: the corridor must follow its great circle, not a straight line on the map.
        var corridor = new RouteCorridor([new LatLon(40.0, 100.0), new LatLon(40.0, 123.5)], 1_000);
        // A great circle through two points is not quite their geodesic on the ellipsoid, but over 2,000 km it is
        // within decimetres of its length.
        Assert.Equal(Geodesy.DistanceMeters(40.0, 100.0, 40.0, 123.5), corridor.LengthM, 1.0);
        // At its middle the great circle runs well north of the 40th parallel.
        Assert.Null(corridor.Locate(40.0, 111.75));
        var north = corridor.Locate(41.74, 111.75);
        Assert.True(north is null || north.Value.OffsetM <= 1_000);
    }

    [Fact]
    public void Going_out_and_back_places_a_point_on_the_way_out()
    {
        var corridor = new RouteCorridor([new LatLon(40.0, 116.0), new LatLon(40.1, 116.0), new LatLon(40.0, 116.0)], 1_000);
        var position = corridor.Locate(40.03, 116.005);
        Assert.NotNull(position);
        Assert.Equal(Geodesy.DistanceMeters(40.0, 116.0, 40.03, 116.0), position.Value.AlongM, 0.5);
    }

    [Fact]
    public void Repeated_positions_are_legs_of_no_length()
    {
        var plain = new RouteCorridor([new LatLon(40.0, 116.0), new LatLon(40.05, 116.05)], 800);
        var repeated = new RouteCorridor([new LatLon(40.0, 116.0), new LatLon(40.0, 116.0), new LatLon(40.05, 116.05), new LatLon(40.05, 116.05)], 800);
        Assert.Equal(plain.LengthM, repeated.LengthM);
        Assert.Equal(plain.Locate(40.02, 116.025), repeated.Locate(40.02, 116.025));
    }
}
