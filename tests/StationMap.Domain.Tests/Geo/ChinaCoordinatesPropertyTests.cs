using StationMap.Domain.Geo;

namespace StationMap.Domain.Tests.Geo;

/// <summary>Round trips and the bounding box of the GCJ-02 and BD-09 conversions.</summary>
public sealed class ChinaCoordinatesPropertyTests
{
    private const int Seed = 20_240_917;
    private const int Samples = 5_000;

    // Round trips come back to well under a millimetre (about a micrometre in practice).
    private const double RoundTripMeters = 0.001;

    [Fact]
    public void Wgs84_to_Gcj02_and_back_returns_the_start()
    {
        AssertRoundTrips(ChinaCoordinates.Wgs84ToGcj02, ChinaCoordinates.Gcj02ToWgs84);
    }

    [Fact]
    public void Gcj02_to_Wgs84_and_back_returns_the_start()
    {
        AssertRoundTrips(ChinaCoordinates.Gcj02ToWgs84, ChinaCoordinates.Wgs84ToGcj02);
    }

    [Fact]
    public void Gcj02_to_Bd09_and_back_returns_the_start()
    {
        AssertRoundTrips(ChinaCoordinates.Gcj02ToBd09, ChinaCoordinates.Bd09ToGcj02);
    }

    [Fact]
    public void Bd09_to_Gcj02_and_back_returns_the_start()
    {
        AssertRoundTrips(ChinaCoordinates.Bd09ToGcj02, ChinaCoordinates.Gcj02ToBd09);
    }

    [Fact]
    public void Wgs84_to_Bd09_and_back_returns_the_start()
    {
        AssertRoundTrips(ChinaCoordinates.Wgs84ToBd09, ChinaCoordinates.Bd09ToWgs84);
    }

    [Fact]
    public void Conversions_near_the_series_origin_still_round_trip()
    {
        // The GCJ-02 series has a √|lon − 105| term whose slope is unbounded at 105° E.
        foreach (var lon in new[] { 105, 105 + 1e-12, 105 - 1e-9, 105 + 1e-6, 105 - 1e-3 })
        {
            var wgs = new LatLon(35, lon);
            var back = ChinaCoordinates.Gcj02ToWgs84(ChinaCoordinates.Wgs84ToGcj02(wgs));
            Assert.True(Meters(wgs, back) < RoundTripMeters, $"{wgs} came back as {back}");
        }
    }

    public static TheoryData<string, double, double> PlacesOutsideChina => new()
    {
        { "London", 51.5074, -0.1278 },
        { "New York", 40.7128, -74.0060 },
        { "Tokyo", 35.6762, 139.6503 },
        { "Sydney", -33.8688, 151.2093 },
        { "Moscow", 55.7558, 37.6173 },
        { "Null Island", 0, 0 },
        { "North Pole", 90, 0 },
    };

    [Theory]
    [MemberData(nameof(PlacesOutsideChina))]
    public void Positions_outside_China_are_returned_unchanged(string place, double lat, double lon)
    {
        var p = new LatLon(lat, lon);

        Assert.True(ChinaCoordinates.IsOutsideChina(lat, lon), place);
        Assert.Equal(p, ChinaCoordinates.Wgs84ToGcj02(p));
        Assert.Equal(p, ChinaCoordinates.Gcj02ToWgs84(p));
        Assert.Equal(p, ChinaCoordinates.Gcj02ToBd09(p));
        Assert.Equal(p, ChinaCoordinates.Bd09ToGcj02(p));
        Assert.Equal(p, ChinaCoordinates.Wgs84ToBd09(p));
        Assert.Equal(p, ChinaCoordinates.Bd09ToWgs84(p));
    }

    // The box of the published algorithms (lon 72.004–137.8347, lat 0.8293–55.8271), edges inside.
    [Theory]
    [InlineData(39.9087, 116.3975, false)]
    [InlineData(22.3193, 114.1694, false)]
    [InlineData(0.8293, 72.004, false)]
    [InlineData(55.8271, 137.8347, false)]
    [InlineData(0.8292, 100, true)]
    [InlineData(55.8272, 100, true)]
    [InlineData(30, 72.0039, true)]
    [InlineData(30, 137.8348, true)]
    public void The_China_box_has_the_published_edges(double lat, double lon, bool outside)
    {
        Assert.Equal(outside, ChinaCoordinates.IsOutsideChina(lat, lon));
    }

    [Fact]
    public void Positions_inside_China_are_shifted_by_metres_to_hundreds_of_metres()
    {
        var random = new Random(Seed);
        for (var i = 0; i < Samples; i++)
        {
            var wgs = InsideChina(random);
            var shift = Meters(wgs, ChinaCoordinates.Wgs84ToGcj02(wgs));
            Assert.True(shift is > 1 and < 1_000, $"seed {Seed}, sample {i}: {wgs} moved {shift:R} m");
        }
    }

    private static void AssertRoundTrips(Func<LatLon, LatLon> there, Func<LatLon, LatLon> back)
    {
        var random = new Random(Seed);
        for (var i = 0; i < Samples; i++)
        {
            var start = InsideChina(random);
            var end = back(there(start));
            var error = Meters(start, end);
            Assert.True(error < RoundTripMeters, $"seed {Seed}, sample {i}: {start} came back as {end}, {error:R} m away");
        }
    }

    // A margin of 0.1° keeps shifted positions (at most about 0.01° away) inside the box as well.
    private static LatLon InsideChina(Random random) =>
        new(0.93 + random.NextDouble() * (55.72 - 0.93), 72.11 + random.NextDouble() * (137.73 - 72.11));

    private static double Meters(LatLon a, LatLon b) => Geodesy.DistanceMeters(a.Lat, a.Lon, b.Lat, b.Lon);
}
