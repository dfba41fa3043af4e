using StationMap.Domain.Geo;

namespace StationMap.Domain.Tests.Geo;

/// <summary>Geodesy against published geodesics and against PostGIS, whose geography distance is GeographicLib's.</summary>
public sealed class GeodesyReferenceTests
{
    // Geoscience Australia's worked example of Vincenty's inverse, quoted to the millimetre and to 0.01″
    // (https://www.ga.gov.au/geodesy/datums/vincenty_inverse.jsp).
    [Fact]
    public void Flinders_Peak_to_Buninyong_matches_Geoscience_Australia()
    {
        var flindersLat = -Dms(37, 57, 3.72030);
        var flindersLon = Dms(144, 25, 29.52440);
        var buninyongLat = -Dms(37, 39, 10.15610);
        var buninyongLon = Dms(143, 55, 35.38390);

        var line = Geodesy.Inverse(flindersLat, flindersLon, buninyongLat, buninyongLon);

        Assert.Equal(54_972.271, line.DistanceMeters, 0.001);
        Assert.Equal(Dms(306, 52, 5.37), line.InitialBearingDegrees, 0.01 / 3600);
    }

    // Published examples of GeographicLib (C. F. F. Karney), which PostGIS uses for geography:
    // JFK → LHR from its examples and test data (s12 = 5551759.400318679 m, azi1 = 51.19888284557982°);
    // Wellington → Salamanca from the geographiclib npm README ("The distance is 19959679.267 m"), a nearly antipodal line,
    // with its azimuth from PostGIS 3.3.2.
    public static TheoryData<string, double, double, double, double, double, double, double> GeographicLibExamples => new()
    {
        { "JFK → LHR", 40.6, -73.8, 51.6, -0.5, 5_551_759.400318679, 0.0001, 51.19888284557982 },
        { "Wellington → Salamanca", -41.32, 174.81, 40.96, -5.50, 19_959_679.267, 0.001, 161.0676699861607 },
    };

    [Theory]
    [MemberData(nameof(GeographicLibExamples))]
    public void Published_GeographicLib_examples_are_reproduced(
        string line, double lat1, double lon1, double lat2, double lon2, double meters, double meterTolerance, double bearing)
    {
        var result = Geodesy.Inverse(lat1, lon1, lat2, lon2);

        Assert.True(Math.Abs(result.DistanceMeters - meters) <= meterTolerance, $"{line}: {result.DistanceMeters:R} m, expected {meters:R}");
        Assert.Equal(bearing, result.InitialBearingDegrees, 1e-7);
    }

    // PostGIS 3.3.2 (GeographicLib): ST_Distance(a::geography, b::geography, true) and degrees(ST_Azimuth(a, b)),
    // printed with extra_float_digits = 3.
    public static TheoryData<string, double, double, double, double, double, double> PostGisLines => new()
    {
        { "Tiananmen → Beijing Railway Station", 39.9087, 116.3975, 39.9029, 116.4270, 2_603.4819022, 104.31172551893316 },
        { "Tiananmen → Beijing West", 39.9087, 116.3975, 39.8947, 116.3214, 6_690.85609657, 256.5903710532083 },
        { "Tiananmen → Capital Airport", 39.9087, 116.3975, 40.0522, 116.6097, 24_133.2884939, 48.61481368426944 },
        { "Tiananmen → Daxing Airport", 39.9087, 116.3975, 39.5098, 116.4105, 44_303.51672251, 178.55395238117816 },
        { "Beijing → Tianjin", 39.9087, 116.3975, 39.0842, 117.2009, 114_695.42976455, 142.69343085685932 },
        { "Beijing → Shanghai", 39.9087, 116.3975, 31.2304, 121.4737, 1_066_676.4006451, 152.93983444390076 },
        { "a metre north in Beijing", 39.9087, 116.3975, 39.90870901, 116.3975, 1.00040624, 0 },
        { "Lhasa → Ürümqi", 29.6525, 91.1721, 43.8256, 87.6168, 1_604_151.72536067, 349.6265682843023 },
        { "Harbin → Sanya", 45.8038, 126.5350, 18.2528, 109.5119, 3_435_932.15817248, 212.83112782770735 },
        { "equator, a quarter round", 0, 0, 0, 90, 10_018_754.17139462, 90 },
    };

    [Theory]
    [MemberData(nameof(PostGisLines))]
    public void Lines_agree_with_PostGIS_to_a_tenth_of_a_millimetre(
        string line, double lat1, double lon1, double lat2, double lon2, double meters, double bearing)
    {
        var result = Geodesy.Inverse(lat1, lon1, lat2, lon2);

        Assert.True(Math.Abs(result.DistanceMeters - meters) <= 1e-4, $"{line}: {result.DistanceMeters:R} m, PostGIS {meters:R} m");
        Assert.Equal(bearing, result.InitialBearingDegrees, 1e-7);
    }

    // Nearly antipodal lines, where Vincenty's iteration gives up and the azimuth bisection takes over; PostGIS 3.3.2 as above.
    public static TheoryData<double, double, double, double, double, double> NearlyAntipodalLines => new()
    {
        { 0, 0, 0.5, 179.5, 19_936_288.57896531, 25.67187286829176 },
        { 0, 0, -0.5, 179.5, 19_936_288.57896531, 154.32812713170824 },
        { 0.5, 0, 0, -179.5, 19_936_288.57896531, 334.3270854699417 },
        { 0, 0, 0, 179.5, 19_980_861.90889096, 55.966495140157825 },
        { -10, 0, 10, 179.7, 19_995_624.88996127, 149.66652534225528 },
        { 30, 20, -29.9, -160.1, 19_992_090.30232693, 9.005430034481439 },
    };

    [Theory]
    [MemberData(nameof(NearlyAntipodalLines))]
    public void Nearly_antipodal_lines_agree_with_PostGIS_to_a_millimetre(
        double lat1, double lon1, double lat2, double lon2, double meters, double bearing)
    {
        var result = Geodesy.Inverse(lat1, lon1, lat2, lon2);

        Assert.Equal(meters, result.DistanceMeters, 0.001);
        Assert.Equal(bearing, result.InitialBearingDegrees, 1e-6);
    }

    // Half a meridian of WGS-84, 20 003 931.4586 m (PostGIS: 20003931.45862545), is the shortest path between exact
    // antipodes on the equator and between the poles.
    [Theory]
    [InlineData(0, 0, 0, 180)]
    [InlineData(10, 0, -10, 180)]
    [InlineData(30, 20, -30, -160)]
    [InlineData(-90, 0, 90, 0)]
    public void Exact_antipodes_are_half_a_meridian_apart(double lat1, double lon1, double lat2, double lon2)
    {
        Assert.Equal(20_003_931.45862545, Geodesy.DistanceMeters(lat1, lon1, lat2, lon2), 0.001);
    }

    private static double Dms(int degrees, int minutes, double seconds) => degrees + minutes / 60.0 + seconds / 3600;
}
