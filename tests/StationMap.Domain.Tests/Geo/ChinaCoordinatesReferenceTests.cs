using StationMap.Domain.Geo;

namespace StationMap.Domain.Tests.Geo;

/// <summary>GCJ-02 and BD-09 conversions against values published by other implementations and data sets.</summary>
public sealed class ChinaCoordinatesReferenceTests
{
    // Forward pairs published with the reference implementations, reproduced to 1e-12° (0.1 µm):
    // googollee/eviltransform (go/transform_test.go, python/test.py) and wandergis/coordtransform (README, test/app.js).
    public static TheoryData<string, double, double, double, double> PublishedWgs84ToGcj02 => new()
    {
        { "Shanghai (eviltransform)", 31.1774276, 121.5272106, 31.17530398364597, 121.531541859215 },
        { "Shenzhen (eviltransform)", 22.543847, 113.912316, 22.540796131694766, 113.9171764808363 },
        { "Beijing (eviltransform)", 39.911954, 116.377817, 39.91334545536069, 116.38404722455657 },
        { "Tiananmen (coordtransform)", 39.915, 116.404, 39.91640428150164, 116.41024449916938 },
    };

    [Theory]
    [MemberData(nameof(PublishedWgs84ToGcj02))]
    public void Wgs84_to_Gcj02_reproduces_the_published_pairs(string place, double wgsLat, double wgsLon, double gcjLat, double gcjLon)
    {
        var gcj = ChinaCoordinates.Wgs84ToGcj02(new LatLon(wgsLat, wgsLon));

        Assert.True(Math.Abs(gcj.Lat - gcjLat) < 1e-12 && Math.Abs(gcj.Lon - gcjLon) < 1e-12, $"{place}: {gcj}");
    }

    [Theory]
    [MemberData(nameof(PublishedWgs84ToGcj02))]
    public void Gcj02_to_Wgs84_inverts_the_published_pairs_to_a_millimetre(string place, double wgsLat, double wgsLon, double gcjLat, double gcjLon)
    {
        var wgs = ChinaCoordinates.Gcj02ToWgs84(new LatLon(gcjLat, gcjLon));

        var error = Geodesy.DistanceMeters(wgs.Lat, wgs.Lon, wgsLat, wgsLon);
        Assert.True(error < 0.001, $"{place}: {wgs} is {error:R} m from the published WGS-84 position");
    }

    [Fact]
    public void Gcj02_to_Bd09_reproduces_coordtransform()
    {
        // wandergis/coordtransform: gcj02tobd09(116.404, 39.915) = [116.41036949371029, 39.92133699351021].
        var bd = ChinaCoordinates.Gcj02ToBd09(new LatLon(39.915, 116.404));

        Assert.Equal(39.92133699351021, bd.Lat, 1e-12);
        Assert.Equal(116.41036949371029, bd.Lon, 1e-12);
    }

    [Fact]
    public void Wgs84_to_Bd09_reproduces_geocraft()
    {
        // geocraft (PyPI) README: wgs84_to_bd09(116.404, 39.915) = (116.41662724378733, 39.922699552216216).
        var bd = ChinaCoordinates.Wgs84ToBd09(new LatLon(39.915, 116.404));

        Assert.Equal(39.922699552216216, bd.Lat, 1e-12);
        Assert.Equal(116.41662724378733, bd.Lon, 1e-12);
    }

    [Fact]
    public void Inverses_refine_the_published_one_step_approximations()
    {
        // wandergis/coordtransform prints gcj02towgs84(116.404, 39.915) = [116.39775550083061, 39.91359571849836] and
        // bd09togcj02(116.404, 39.915) = [116.39762729119315, 39.90865673957631]. Both are one-step inverses: ours must lie
        // within half a metre of them and, unlike them, map forward onto the input exactly.
        var input = new LatLon(39.915, 116.404);

        var wgs = ChinaCoordinates.Gcj02ToWgs84(input);
        Assert.True(Meters(wgs, new LatLon(39.91359571849836, 116.39775550083061)) < 0.5, $"{wgs}");
        Assert.True(Meters(ChinaCoordinates.Wgs84ToGcj02(wgs), input) < 1e-4);

        var gcj = ChinaCoordinates.Bd09ToGcj02(input);
        Assert.True(Meters(gcj, new LatLon(39.90865673957631, 116.39762729119315)) < 0.5, $"{gcj}");
        Assert.True(Meters(ChinaCoordinates.Gcj02ToBd09(gcj), input) < 1e-4);
    }

    // hujiulong/gcoord, test/fixtures/china-cities.json: city positions in all three datums, rounded to 1e-7°. Its GCJ-02
    // column sits a steady 0.65–0.70 m from the published formula (the fixture seems to come from a map service), so the
    // GCJ-02 legs are checked to a metre; its BD-09 column follows from its GCJ-02 column to within rounding.
    public static TheoryData<string, double, double, double, double, double, double> GcoordCities => new()
    {
        { "驻马店 Zhumadian", 33.0133556, 114.0164322, 33.0115324, 114.022306, 33.0176697, 114.0287781 },
        { "邵阳 Shaoyang", 27.242124, 111.4622119, 27.2388981, 111.4677938, 27.2451662, 111.4742271 },
        { "那曲 Nagqu", 31.4784436, 92.0499619, 31.4762063, 92.0512438, 31.4824421, 92.0576832 },
        { "郑州 Zhengzhou", 34.7478004, 113.6192856, 34.7466173, 113.6253334, 34.7528605, 113.6317519 },
        { "沈阳 Shenyang", 41.8032629, 123.4253306, 41.8057023, 123.4314787, 41.8114013, 123.438095 },
        { "泉州 Quanzhou", 24.8770487, 118.6711365, 24.8741363, 118.6756787, 24.8804872, 118.6821251 },
        { "酒泉 Jiuquan", 39.7319946, 98.4937175, 39.7328234, 98.4943595, 39.7388949, 98.5008441 },
        { "锡林浩特 Xilinhot", 43.9312805, 116.0414035, 43.9334573, 116.0482308, 43.9397782, 116.0546232 },
        { "钦州 Qinzhou", 21.9828281, 108.6503952, 21.9799392, 108.6541485, 21.9856319, 108.6607283 },
        { "西昌 Xichang", 27.8850446, 102.2658401, 27.8816151, 102.2673386, 27.8876621, 102.2738428 },
    };

    [Theory]
    [MemberData(nameof(GcoordCities))]
    public void Conversions_agree_with_the_gcoord_city_fixtures(
        string city, double wgsLat, double wgsLon, double gcjLat, double gcjLon, double bdLat, double bdLon)
    {
        var wgs = new LatLon(wgsLat, wgsLon);
        var gcj = new LatLon(gcjLat, gcjLon);
        var bd = new LatLon(bdLat, bdLon);

        Assert.True(Meters(ChinaCoordinates.Wgs84ToGcj02(wgs), gcj) < 1, $"{city}: WGS-84 → GCJ-02");
        Assert.True(Meters(ChinaCoordinates.Gcj02ToWgs84(gcj), wgs) < 1, $"{city}: GCJ-02 → WGS-84");
        Assert.True(Meters(ChinaCoordinates.Gcj02ToBd09(gcj), bd) < 0.02, $"{city}: GCJ-02 → BD-09");
        Assert.True(Meters(ChinaCoordinates.Bd09ToGcj02(bd), gcj) < 0.02, $"{city}: BD-09 → GCJ-02");
        Assert.True(Meters(ChinaCoordinates.Wgs84ToBd09(wgs), bd) < 1, $"{city}: WGS-84 → BD-09");
        Assert.True(Meters(ChinaCoordinates.Bd09ToWgs84(bd), wgs) < 1, $"{city}: BD-09 → WGS-84");
    }

    private static double Meters(LatLon a, LatLon b) => Geodesy.DistanceMeters(a.Lat, a.Lon, b.Lat, b.Lon);
}
