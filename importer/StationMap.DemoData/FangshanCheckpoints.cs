using StationMap.Domain;

namespace StationMap.DemoData;

/// <summary>
/// Nine police checkpoints on Fangshan's main roads into Beijing, at plausible WGS-84 positions near the towns they
/// are named after, each with a rest stop for heavy-truck drivers 50–150 m away.
/// </summary>
internal static class FangshanCheckpoints
{
    private const string District = "房山区";

    private sealed record Site(Checkpoint Checkpoint, string RoadName, string Town, int TruckSpaces, double MaxLengthM, bool Hazmat);

    private static readonly Site[] Sites =
    [
        new(new("fs-cp-1", "京港澳高速琉璃河检查站", "京港澳高速（G4）", District, 39.5850, 116.0170), "京港澳高速", "琉璃河", 60, 22, true),
        new(new("fs-cp-2", "京昆高速韩村河检查站", "京昆高速（G5）", District, 39.6150, 115.9850), "京昆高速", "韩村河", 48, 22, true),
        new(new("fs-cp-3", "107国道窦店检查站", "107国道", District, 39.6550, 116.0750), "107国道", "窦店", 36, 18, true),
        new(new("fs-cp-4", "108国道周口店检查站", "108国道", District, 39.6850, 115.9450), "108国道", "周口店", 24, 17.5, false),
        new(new("fs-cp-5", "六环路良乡检查站", "六环路", District, 39.7450, 116.1250), "六环路", "良乡", 40, 18, true),
        new(new("fs-cp-6", "京良路长阳检查站", "京良路", District, 39.7700, 116.1950), "京良路", "长阳", 30, 18, false),
        new(new("fs-cp-7", "房易路张坊检查站", "房易路", District, 39.5650, 115.7050), "房易路", "张坊", 12, 17.5, false),
        new(new("fs-cp-8", "长周路青龙湖检查站", "长周路", District, 39.7750, 116.0550), "长周路", "青龙湖", 16, 17.5, false),
        new(new("fs-cp-9", "阎吕路阎村检查站", "阎吕路", District, 39.7200, 116.0950), "阎吕路", "阎村", 20, 18, false),
    ];

    private static readonly (Amenity Amenity, int Permille)[] OptionalAmenities =
        [(Amenity.Shower, 500), (Amenity.Wifi, 600), (Amenity.Lockers, 300), (Amenity.Refrigerator, 400)];

    private const Amenity Standard =
        Amenity.TruckParking | Amenity.Toilet | Amenity.DrinkingWater | Amenity.HotWater | Amenity.Seating |
        Amenity.PhoneCharging | Amenity.Heating | Amenity.AirConditioning | Amenity.FirstAid | Amenity.Microwave |
        Amenity.RepairKit;

    public static IReadOnlyList<Checkpoint> All { get; } = Array.AsReadOnly(Sites.Select(site => site.Checkpoint).ToArray());

    /// <summary>One rest stop near each checkpoint, <c>bj-demo-cp-1</c>..<c>bj-demo-cp-9</c>, open around the clock.</summary>
    public static IEnumerable<StationRecord> RestStops(Random random, Place fangshan)
    {
        foreach (var site in Sites)
        {
            var checkpoint = site.Checkpoint;
            var (lat, lon) = PointSampler.Near(random, checkpoint.Lat, checkpoint.Lon, 50, 150);
            var amenities = Standard;
            foreach (var (amenity, permille) in OptionalAmenities)
            {
                if (random.Next(1000) < permille)
                {
                    amenities |= amenity;
                }
            }
            yield return new StationRecord
            {
                ExternalId = "bj-demo-cp-" + checkpoint.ExternalId["fs-cp-".Length..],
                Kind = StationKind.CheckpointRestStop,
                Name = checkpoint.Name + "货车司机驿站",
                Address = string.Concat("北京市房山区", site.RoadName, site.Town, "段"),
                District = District,
                Lat = lat,
                Lon = lon,
                Amenities = amenities,
                OpeningHours = DemoOpeningHours.AlwaysOpen,
                TruckParkingSpaces = site.TruckSpaces,
                MaxVehicleLengthM = site.MaxLengthM,
                HazmatAllowed = site.Hazmat,
                Phone = StationSynthesizer.Phone(random, fangshan),
                Host = Hosts.PoliceCheckpoint,
            };
        }
    }
}
