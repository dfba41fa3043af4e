using System.Text.RegularExpressions;
using StationMap.Domain;
using StationMap.DemoData;

namespace StationMap.Integration.Tests.DemoData;

public sealed partial class BeijingDemoTests
{
    private static readonly string[] Districts =
    [
        "东城区", "西城区", "朝阳区", "海淀区", "丰台区", "石景山区", "门头沟区", "房山区",
        "通州区", "顺义区", "昌平区", "大兴区", "怀柔区", "平谷区", "密云区", "延庆区",
    ];

    private static readonly string[] CoreDistricts = ["东城区", "西城区", "朝阳区", "海淀区", "丰台区", "石景山区"];

    // Land areas from the Beijing statistical yearbook, rounded.
    private static readonly Dictionary<string, double> AreaKm2 = new()
    {
        ["东城区"] = 42, ["西城区"] = 51, ["朝阳区"] = 471, ["海淀区"] = 431, ["丰台区"] = 306, ["石景山区"] = 84,
        ["门头沟区"] = 1448, ["房山区"] = 1995, ["通州区"] = 906, ["顺义区"] = 1020, ["昌平区"] = 1344, ["大兴区"] = 1036,
        ["怀柔区"] = 2123, ["平谷区"] = 950, ["密云区"] = 2230, ["延庆区"] = 1995,
    };

    private static readonly IReadOnlyList<StationRecord> Demo = BeijingDemo.Stations();

    [Fact]
    public void Stations_are_the_same_on_every_call()
    {
        Assert.Equal(Demo, BeijingDemo.Stations());
        Assert.Equal(BeijingDemo.Checkpoints(), BeijingDemo.Checkpoints());
    }

    [Fact]
    public void Count_is_between_two_and_four_thousand()
    {
        Assert.InRange(Demo.Count, 2_000, 4_000);
    }

    [Fact]
    public void Every_district_has_stations_and_the_core_is_denser()
    {
        var byDistrict = Demo.GroupBy(s => s.District!).ToDictionary(g => g.Key, g => g.Count());
        double Density(string district) => byDistrict[district] / AreaKm2[district];

        Assert.Equal(Districts.Order(), byDistrict.Keys.Order());
        // The six core districts are about 1,400 of Beijing's 16,400 km²; they hold more than half the stations.
        var core = CoreDistricts.Sum(d => byDistrict[d]);
        Assert.True(core > Demo.Count / 2, $"core districts hold {core} of {Demo.Count}");
        var sparsestCore = CoreDistricts.Min(Density);
        var densestOuter = Districts.Except(CoreDistricts).Max(Density);
        Assert.True(sparsestCore > 3 * densestOuter, $"{sparsestCore:F3} vs {densestOuter:F3} stations per km²");
    }

    [Fact]
    public void External_ids_and_coordinates_are_unique()
    {
        Assert.Equal(Demo.Count, Demo.Select(s => s.ExternalId).Distinct().Count());
        Assert.Equal(Demo.Count, Demo.Select(s => (s.Lat, s.Lon)).Distinct().Count());
        Assert.All(Demo.Where(s => s.Kind != StationKind.CheckpointRestStop),
            s => Assert.Matches(@"^bj-demo-\d{6}$", s.ExternalId));
    }

    [Fact]
    public void Every_station_is_inside_beijing()
    {
        Assert.All(Demo, s =>
        {
            Assert.InRange(s.Lat, 39.4, 41.1);
            Assert.InRange(s.Lon, 115.4, 117.5);
            Assert.Equal(s.Lat, Math.Round(s.Lat, 6));
            Assert.Equal(s.Lon, Math.Round(s.Lon, 6));
        });
    }

    [Fact]
    public void Every_station_has_a_name_an_address_and_a_known_host()
    {
        string[] hosts =
        [
            "bank_branch", "restaurant", "supermarket", "petrol_station", "property_office",
            "party_mass_service_centre", "sanitation_depot", "courier_depot", "union_office", "police_checkpoint",
        ];
        Assert.All(Demo, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Name));
            Assert.StartsWith("北京市" + s.District, s.Address);
            Assert.Contains(s.Host, hosts);
            Assert.True(s.Amenities != Amenity.None, s.Name);
            if (s.Phone is not null)
            {
                Assert.Matches(@"^010-6\d{7}$", s.Phone);
            }
        });
        Assert.Equal(hosts.Order(), Demo.Select(s => s.Host!).Distinct().Order());
    }

    [Fact]
    public void Workers_homes_are_a_few_percent_and_hosted_by_unions()
    {
        var homes = Demo.Where(s => s.Kind == StationKind.WorkersHome).ToList();

        Assert.InRange(homes.Count, Demo.Count * 5 / 100, Demo.Count * 8 / 100);
        Assert.All(homes, s =>
        {
            Assert.Equal("union_office", s.Host);
            Assert.EndsWith("职工之家", s.Name);
        });
    }

    [Fact]
    public void Nine_checkpoints_in_fangshan_each_with_a_rest_stop_within_200_m()
    {
        var checkpoints = BeijingDemo.Checkpoints();
        var stops = Demo.Where(s => s.Kind == StationKind.CheckpointRestStop).ToList();

        Assert.Equal(9, checkpoints.Count);
        Assert.Equal(9, checkpoints.Select(c => c.ExternalId).Distinct().Count());
        Assert.Equal(9, stops.Count);
        Assert.All(checkpoints, c =>
        {
            Assert.Equal("房山区", c.District);
            Assert.InRange(c.Lat, 39.55, 39.95);
            Assert.InRange(c.Lon, 115.45, 116.25);
            var stop = Assert.Single(stops, s => s.Name == c.Name + "货车司机驿站");
            Assert.InRange(HaversineMetres(c.Lat, c.Lon, stop.Lat, stop.Lon), 40, 200);
            Assert.Equal("房山区", stop.District);
        });
    }

    [Fact]
    public void Rest_stops_take_trucks()
    {
        var stops = Demo.Where(s => s.Kind == StationKind.CheckpointRestStop).ToList();

        Assert.All(stops, s =>
        {
            Assert.InRange(s.TruckParkingSpaces!.Value, 10, 60);
            Assert.Contains(s.MaxVehicleLengthM!.Value, new[] { 17.5, 18, 22 });
            Assert.True(s.Amenities.HasAll(Amenity.TruckParking));
            Assert.Equal("24/7", s.OpeningHours);
        });
        Assert.Contains(stops, s => s.HazmatAllowed);
        Assert.Contains(stops, s => !s.HazmatAllowed);
    }

    [Fact]
    public void Some_petrol_stations_outside_the_core_take_trucks()
    {
        var truckPetrol = Demo.Where(s => s.Host == "petrol_station" && s.TruckParkingSpaces is not null).ToList();

        Assert.Contains(truckPetrol, s => s.District == "房山区");
        Assert.All(truckPetrol, s =>
        {
            Assert.DoesNotContain(s.District, CoreDistricts);
            Assert.InRange(s.MaxVehicleLengthM!.Value, 12, 18);
            Assert.True(s.Amenities.HasAll(Amenity.TruckParking));
        });
        Assert.True(truckPetrol.Count(s => s.HazmatAllowed) * 4 < truckPetrol.Count);
    }

    [Fact]
    public void Opening_hours_mix_round_the_clock_past_midnight_and_free_text()
    {
        double Share(Func<string?, bool> predicate) => Demo.Count(s => predicate(s.OpeningHours)) / (double)Demo.Count;

        Assert.InRange(Share(h => h == "24/7"), 0.18, 0.32);
        Assert.InRange(Share(h => h is not null && CrossesMidnight(h)), 0.01, 0.10);
        Assert.InRange(Share(h => h is not null && !WellFormedHours().IsMatch(h)), 0.003, 0.03);
        Assert.InRange(Share(h => h is null), 0.005, 0.04);
        Assert.Contains(Demo, s => s.OpeningHours is { } h && h.Contains("off", StringComparison.Ordinal));
    }

    [Fact]
    public void Generator_yields_unique_ids_and_repeats_itself_for_a_seed()
    {
        var first = StationGenerator.Generate(5_000, 7, GeneratorRegion.Beijing).ToList();

        Assert.Equal(5_000, first.Count);
        Assert.Equal(5_000, first.Select(s => s.ExternalId).Distinct().Count());
        Assert.Equal("gen-0000001", first[0].ExternalId);
        Assert.Equal(first, StationGenerator.Generate(5_000, 7, GeneratorRegion.Beijing));
        Assert.NotEqual(first, StationGenerator.Generate(5_000, 8, GeneratorRegion.Beijing));
        Assert.All(first, s =>
        {
            Assert.Contains(s.District, Districts);
            Assert.InRange(s.Lat, 39.4, 41.1);
            Assert.InRange(s.Lon, 115.4, 117.5);
        });
    }

    [Fact]
    public void Jingjinji_points_stay_in_beijing_tianjin_and_hebei_and_cluster_in_cities()
    {
        var stations = StationGenerator.Generate(20_000, 11, GeneratorRegion.Jingjinji).ToList();

        Assert.All(stations, s =>
        {
            Assert.InRange(s.Lat, 36.0, 42.7);
            Assert.InRange(s.Lon, 113.4, 119.9);
            Assert.False(string.IsNullOrEmpty(s.Address));
        });
        Assert.Equal(stations, StationGenerator.Generate(20_000, 11, GeneratorRegion.Jingjinji));
        var byDistrict = stations.GroupBy(s => s.District!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Contains("天津市", byDistrict.Keys);
        Assert.Contains("石家庄市", byDistrict.Keys);
        Assert.Contains("秦皇岛市", byDistrict.Keys);
        // Beijing has about a fifth of the region's people, Tianjin an eighth.
        Assert.InRange(Districts.Sum(d => byDistrict.GetValueOrDefault(d)) / (double)stations.Count, 0.15, 0.25);
        Assert.InRange(byDistrict["天津市"] / (double)stations.Count, 0.09, 0.16);
        // Within 15 km of Shijiazhuang's centre there are more stations than in the rest of its prefecture.
        var shijiazhuang = stations.Where(s => s.District == "石家庄市").ToList();
        Assert.True(shijiazhuang.Count(s => HaversineMetres(38.042, 114.514, s.Lat, s.Lon) < 15_000) * 2 > shijiazhuang.Count);
    }

    [Fact]
    public void Generator_rejects_a_negative_count()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StationGenerator.Generate(-1, 1, GeneratorRegion.Beijing));
    }

    // A time range whose end is before its start runs past midnight ("10:00-02:00"); "24:00" is the same day's end.
    private static bool CrossesMidnight(string hours) =>
        TimeRange().Matches(hours).Any(m => string.CompareOrdinal(m.Groups[2].Value, m.Groups[1].Value) < 0);

    [GeneratedRegex(@"(\d\d:\d\d)-(\d\d:\d\d)")]
    private static partial Regex TimeRange();

    // The subset of OpenStreetMap opening_hours the demo writes: "24/7", or rules "[days ]times|off" joined by "; ".
    [GeneratedRegex(@"^(24/7|((Mo|Tu|We|Th|Fr|Sa|Su)(-(Mo|Tu|We|Th|Fr|Sa|Su))?(,(Mo|Tu|We|Th|Fr|Sa|Su))* )?(off|\d\d:\d\d-\d\d:\d\d(,\d\d:\d\d-\d\d:\d\d)*)(; ((Mo|Tu|We|Th|Fr|Sa|Su)(-(Mo|Tu|We|Th|Fr|Sa|Su))?(,(Mo|Tu|We|Th|Fr|Sa|Su))* )?(off|\d\d:\d\d-\d\d:\d\d(,\d\d:\d\d-\d\d:\d\d)*))*)$")]
    private static partial Regex WellFormedHours();

    // Haversine great-circle distance on a sphere of the Earth's mean radius.
    private static double HaversineMetres(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6_371_000;
        var dLat = (lat2 - lat1) * Math.PI / 180;
        var dLon = (lon2 - lon1) * Math.PI / 180;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) +
                Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * R * Math.Asin(Math.Sqrt(a));
    }
}
