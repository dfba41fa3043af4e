using StationMap.Domain.Geo;

namespace StationMap.Domain.Tests.Geo;

/// <summary>Properties any distance on the ellipsoid must have, checked on seeded random points.</summary>
public sealed class GeodesyPropertyTests
{
    private const int Seed = 20_240_917;
    private const int Samples = 2_000;

    [Fact]
    public void Distance_is_symmetric()
    {
        var random = new Random(Seed);
        for (var i = 0; i < Samples; i++)
        {
            var (lat1, lon1) = AnyPoint(random);
            // Every other pair lies near the other's antipode, where the bisection fallback runs.
            var (lat2, lon2) = i % 2 == 0 ? AnyPoint(random) : NearAntipode(random, lat1, lon1);

            var forward = Geodesy.DistanceMeters(lat1, lon1, lat2, lon2);
            var backward = Geodesy.DistanceMeters(lat2, lon2, lat1, lon1);

            Assert.True(Math.Abs(forward - backward) < 1e-6,
                $"seed {Seed}, sample {i}: ({lat1:R}, {lon1:R}) ↔ ({lat2:R}, {lon2:R}) gave {forward:R} and {backward:R}");
        }
    }

    [Fact]
    public void A_point_is_at_distance_zero_and_bearing_zero_from_itself()
    {
        var random = new Random(Seed);
        for (var i = 0; i < Samples; i++)
        {
            var (lat, lon) = AnyPoint(random);
            var line = Geodesy.Inverse(lat, lon, lat, lon);
            Assert.True(line == new GeodesicInverse(0, 0), $"seed {Seed}, sample {i}: ({lat:R}, {lon:R}) gave {line}");
        }
    }

    [Theory]
    [InlineData(90, 0)]
    [InlineData(-90, 180)]
    [InlineData(0, 180)]
    [InlineData(0, -180)]
    [InlineData(39.9087, 116.3975)]
    public void Special_points_are_at_distance_zero_from_themselves(double lat, double lon)
    {
        Assert.Equal(new GeodesicInverse(0, 0), Geodesy.Inverse(lat, lon, lat, lon));
    }

    [Fact]
    public void Distance_obeys_the_triangle_inequality()
    {
        var random = new Random(Seed);
        for (var i = 0; i < Samples; i++)
        {
            var (latA, lonA) = AnyPoint(random);
            var (latB, lonB) = AnyPoint(random);
            var (latC, lonC) = i % 2 == 0 ? AnyPoint(random) : NearAntipode(random, latA, lonA);

            var direct = Geodesy.DistanceMeters(latA, lonA, latC, lonC);
            var viaB = Geodesy.DistanceMeters(latA, lonA, latB, lonB) + Geodesy.DistanceMeters(latB, lonB, latC, lonC);

            Assert.True(direct <= viaB + 1e-6,
                $"seed {Seed}, sample {i}: A ({latA:R}, {lonA:R}), B ({latB:R}, {lonB:R}), C ({latC:R}, {lonC:R}): {direct:R} > {viaB:R}");
        }
    }

    [Fact]
    public void Bearings_lie_in_zero_to_360()
    {
        var random = new Random(Seed);
        for (var i = 0; i < Samples; i++)
        {
            var (lat1, lon1) = AnyPoint(random);
            var (lat2, lon2) = i % 2 == 0 ? AnyPoint(random) : NearAntipode(random, lat1, lon1);
            var bearing = Geodesy.InitialBearingDegrees(lat1, lon1, lat2, lon2);
            Assert.True(bearing is >= 0 and < 360, $"seed {Seed}, sample {i}: ({lat1:R}, {lon1:R}) → ({lat2:R}, {lon2:R}) gave {bearing:R}");
        }
    }

    [Fact]
    public void Longitudes_are_taken_modulo_360()
    {
        var random = new Random(Seed);
        for (var i = 0; i < Samples; i++)
        {
            var (lat1, lon1) = AnyPoint(random);
            var (lat2, lon2) = AnyPoint(random);
            var line = Geodesy.Inverse(lat1, lon1, lat2, lon2);
            var shifted = Geodesy.Inverse(lat1, lon1 + 360, lat2, lon2 - 720);

            Assert.True(Math.Abs(line.DistanceMeters - shifted.DistanceMeters) < 1e-6, $"seed {Seed}, sample {i}: {line} vs {shifted}");
        }
    }

    // Along a meridian or the equator the geodesic runs due north, east, south or west.
    [Theory]
    [InlineData(0, 0, 1, 0, 0)]
    [InlineData(0, 0, 0, 1, 90)]
    [InlineData(1, 0, 0, 0, 180)]
    [InlineData(0, 1, 0, 0, 270)]
    [InlineData(39.9087, 116.3975, 40.5, 116.3975, 0)]
    [InlineData(39.9087, 116.3975, 39.0, 116.3975, 180)]
    [InlineData(-33.9, 18.4, -20, 18.4, 0)]
    [InlineData(0, 179.9, 0, -179.9, 90)]
    [InlineData(0, -179.9, 0, 179.9, 270)]
    public void Bearing_along_a_meridian_or_the_equator_is_a_cardinal_direction(double lat1, double lon1, double lat2, double lon2, double bearing)
    {
        Assert.Equal(bearing, Geodesy.InitialBearingDegrees(lat1, lon1, lat2, lon2), 1e-9);
    }

    [Fact]
    public void A_geodesic_to_a_point_due_east_leaves_north_of_east_in_the_northern_hemisphere()
    {
        // It bulges poleward of the parallel, as a great circle does.
        var bearing = Geodesy.InitialBearingDegrees(39.9087, 116.3975, 39.9087, 117.3975);
        Assert.InRange(bearing, 89, 90 - 1e-6);
    }

    [Fact]
    public void Short_equatorial_arcs_are_the_semi_major_axis_times_the_angle()
    {
        // The equator is a geodesic (up to (1 − f)·180° of longitude) and a circle of radius a.
        const double a = 6_378_137;
        Assert.Equal(a * 0.2 * Math.PI / 180, Geodesy.DistanceMeters(0, 179.9, 0, -179.9), 1e-4);
        Assert.Equal(a * 10 * Math.PI / 180, Geodesy.DistanceMeters(0, 110, 0, 120), 1e-4);
    }

    [Fact]
    public void A_quarter_meridian_is_the_WGS84_figure()
    {
        // 10 001 965.729 m from equator to pole, the quarter meridian of WGS-84 (half of PostGIS's 20003931.45862545 m).
        Assert.Equal(10_001_965.7293, Geodesy.DistanceMeters(0, 116, 90, 116), 1e-3);
    }

    private static (double Lat, double Lon) AnyPoint(Random random) =>
        // Uniform over the sphere: the sine of latitude is uniform.
        (Math.Asin(2 * random.NextDouble() - 1) * 180 / Math.PI, 360 * random.NextDouble() - 180);

    private static (double Lat, double Lon) NearAntipode(Random random, double lat, double lon) =>
        (Math.Clamp(-lat + random.NextDouble() - 0.5, -90, 90), lon + 179 + 2 * random.NextDouble());
}
