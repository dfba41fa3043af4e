using StationMap.Domain;
using static StationMap.Domain.Amenity;
using static StationMap.DemoData.DemoOpeningHours;

namespace StationMap.DemoData;

/// <summary>
/// The hosts that unions really place outdoor workers' stations with, their naming conventions, what they offer
/// and their hours. Every station has drinking water, a seat and somewhere to charge a phone more often than not;
/// the rest follows the host (a restaurant has a microwave, a sanitation depot lockers and sometimes a shower).
/// </summary>
internal static class Hosts
{
    private static readonly WeightedTable<string> Suffixes = new(("暖心驿站", 50), ("户外劳动者服务站", 35), ("爱心驿站", 15));
    private static readonly WeightedTable<string> SanitationSuffixes = new(("环卫工人休息站", 60), ("暖心驿站", 40));
    private static readonly WeightedTable<string> PetrolBrands = new(("中国石化", 55), ("中国石油", 38), ("中化石油", 4), ("壳牌", 3));
    private static readonly WeightedTable<string> Estates =
        WeightedTable<string>.Uniform(["家园", "小区", "花园", "嘉园", "北里", "东里", "西区", "新城", "公寓"]);
    private static readonly WeightedTable<(string Brand, string Unit)> Couriers = new(
        (("", "邮政支局"), 4), (("顺丰速运", "营业点"), 3), (("京东物流", "营业部"), 3), (("中通快递", "网点"), 2),
        (("圆通速递", "网点"), 2), (("韵达快递", "网点"), 1), (("美团外卖", "配送站"), 3), (("饿了么蜂鸟", "配送站"), 2));
    private static readonly WeightedTable<string> WorkersHomeUnits = new(
        ("社区", 4), ("公交场站", 2), ("环卫所", 2), ("邮政支局", 1), ("物流园", 1), ("工业园区", 1));

    public static HostType BankBranch { get; } = new()
    {
        Wire = "bank_branch",
        AmenityOdds =
        [
            (DrinkingWater, 980), (HotWater, 950), (PhoneCharging, 950), (Seating, 990), (AirConditioning, 950),
            (Heating, 900), (Wifi, 800), (Toilet, 600), (FirstAid, 750), (Microwave, 350), (ReadingCorner, 400),
            (RepairKit, 200), (Refrigerator, 100),
        ],
        Hours = new((OfficeDays, 32), (OfficeAndWeekend, 28), ("Mo-Su 09:00-17:00", 12), (AlwaysOpen, 18),
            ("Mo-Fr 09:00-17:00; Sa 09:00-12:00", 5), (SundayOff, 5)),
        Name = (random, place, area) =>
            string.Concat(place.Province.Banks.Pick(random), place.BranchCity, area, "支行 ", Suffixes.Pick(random)),
    };

    public static HostType Restaurant { get; } = new()
    {
        Wire = "restaurant",
        AmenityOdds =
        [
            (Microwave, 850), (HotWater, 950), (DrinkingWater, 900), (Seating, 950), (Toilet, 700), (PhoneCharging, 800),
            (AirConditioning, 850), (Heating, 800), (Wifi, 700), (Refrigerator, 300), (FirstAid, 400),
        ],
        Hours = new((ShopDaily, 30), ("Mo-Su 06:30-21:00", 15), (AlwaysOpen, 15), (LateNight, 20),
            ("Mo-Th 10:00-22:00; Fr,Sa 10:00-03:00", 10), (WeekendNights, 5), ("Mo-Su 11:00-14:00,17:00-21:30", 5)),
        Name = (random, place, area) =>
            string.Concat(place.Province.Restaurants.Pick(random), "（", area, "店） ", Suffixes.Pick(random)),
    };

    public static HostType Supermarket { get; } = new()
    {
        Wire = "supermarket",
        AmenityOdds =
        [
            (DrinkingWater, 900), (HotWater, 850), (Microwave, 600), (Seating, 900), (PhoneCharging, 850), (Toilet, 500),
            (AirConditioning, 900), (Heating, 850), (FirstAid, 500), (Wifi, 500), (Refrigerator, 200),
        ],
        Hours = new((ShopDaily, 36), ("Mo-Su 08:00-21:30", 22), ("Mo-Su 07:30-22:30", 14), (AlwaysOpen, 18),
            ("Mo-Su 08:00-22:00; Su 09:00-21:00", 10)),
        Name = (random, place, area) =>
            string.Concat(place.Province.Supermarkets.Pick(random), "（", area, "店） ", Suffixes.Pick(random)),
    };

    public static HostType PetrolStation { get; } = new()
    {
        Wire = "petrol_station",
        AmenityOdds =
        [
            (Toilet, 970), (DrinkingWater, 900), (HotWater, 800), (Seating, 800), (PhoneCharging, 800), (Microwave, 400),
            (AirConditioning, 700), (Heating, 700), (FirstAid, 600), (RepairKit, 500), (Wifi, 500),
        ],
        Hours = new((AlwaysOpen, 75), ("Mo-Su 06:00-22:00", 15), ("Mo-Su 06:00-24:00", 10)),
        Name = (random, place, area) => string.Concat(PetrolBrands.Pick(random), area, "加油站 ", Suffixes.Pick(random)),
    };

    public static HostType PropertyOffice { get; } = new()
    {
        Wire = "property_office",
        AmenityOdds =
        [
            (DrinkingWater, 950), (HotWater, 900), (Seating, 950), (PhoneCharging, 900), (Microwave, 600), (Toilet, 600),
            (AirConditioning, 800), (Heating, 800), (FirstAid, 700), (RepairKit, 400), (ReadingCorner, 300),
        ],
        Hours = new((LunchBreak, 28), (OfficeAndWeekend, 18), ("Mo-Su 08:00-20:00", 18), (AlwaysOpen, 22), (SundayOff, 14)),
        Name = (random, place, area) => string.Concat(area, Estates.Pick(random), "物业服务中心 ", Suffixes.Pick(random)),
    };

    public static HostType PartyMassServiceCentre { get; } = new()
    {
        Wire = "party_mass_service_centre",
        AmenityOdds =
        [
            (DrinkingWater, 980), (HotWater, 950), (Seating, 980), (PhoneCharging, 950), (Microwave, 700), (Toilet, 850),
            (AirConditioning, 900), (Heating, 900), (FirstAid, 850), (Wifi, 800), (ReadingCorner, 700), (RepairKit, 400),
            (Refrigerator, 400),
        ],
        Hours = new((OfficeDays, 27), (OfficeAndWeekend, 22), (LunchBreak, 18), ("Mo-Su 08:00-20:00", 15), (AlwaysOpen, 18)),
        Name = (random, place, area) => random.Next(5) == 0
            ? string.Concat(area, "社区党群服务中心 ", Suffixes.Pick(random))
            : string.Concat(area, "党群服务中心 ", Suffixes.Pick(random)),
    };

    public static HostType SanitationDepot { get; } = new()
    {
        Wire = "sanitation_depot",
        AmenityOdds =
        [
            (DrinkingWater, 950), (HotWater, 950), (Microwave, 800), (Seating, 900), (Lockers, 700), (Shower, 350),
            (Toilet, 800), (Heating, 850), (AirConditioning, 600), (PhoneCharging, 800), (Refrigerator, 500), (FirstAid, 600),
        ],
        Hours = new((AlwaysOpen, 50), ("Mo-Su 05:00-20:00", 25), ("Mo-Su 04:30-19:00", 15), ("Mo-Su 05:00-12:00,14:00-19:00", 10)),
        Name = (random, place, area) => string.Concat(area, "环卫所 ", SanitationSuffixes.Pick(random)),
    };

    public static HostType CourierDepot { get; } = new()
    {
        Wire = "courier_depot",
        AmenityOdds =
        [
            (DrinkingWater, 900), (HotWater, 850), (PhoneCharging, 950), (Seating, 850), (Microwave, 600), (RepairKit, 600),
            (Toilet, 500), (Lockers, 300), (AirConditioning, 700), (Heating, 700),
        ],
        Hours = new((ShopDaily, 30), ("Mo-Su 08:00-20:00", 30), ("Mo-Sa 07:00-21:00; Su 09:00-18:00", 15), (AlwaysOpen, 15),
            ("Mo-Su 20:00-06:00", 10)),
        Name = (random, place, area) =>
        {
            var (brand, unit) = Couriers.Pick(random);
            return string.Concat(brand, area, unit, " ", Suffixes.Pick(random));
        },
    };

    /// <summary>A trade-union office: hosts the odd warm station and every workers' home (职工之家).</summary>
    public static HostType UnionOffice { get; } = new()
    {
        Wire = "union_office",
        AmenityOdds =
        [
            (DrinkingWater, 1000), (HotWater, 1000), (Seating, 1000), (PhoneCharging, 950), (Microwave, 850), (Toilet, 900),
            (AirConditioning, 900), (Heating, 950), (FirstAid, 900), (Wifi, 900), (ReadingCorner, 850), (Refrigerator, 600),
            (Shower, 200), (Lockers, 300), (RepairKit, 500),
        ],
        Hours = new((OfficeDays, 37), (OfficeAndWeekend, 28), (AlwaysOpen, 20), (LunchBreak, 15)),
        Name = (random, place, area) => string.Concat(area, "工会服务站 ", Suffixes.Pick(random)),
    };

    /// <summary>The host of checkpoint rest stops.</summary>
    public const string PoliceCheckpoint = "police_checkpoint";

    /// <summary>Per mille of stations that are workers' homes rather than warm stations.</summary>
    public const int WorkersHomePermille = 65;

    private static readonly WeightedTable<HostType> CoreMix = new(
        (BankBranch, 30), (Restaurant, 9), (Supermarket, 12), (PetrolStation, 6), (PropertyOffice, 12),
        (PartyMassServiceCentre, 14), (SanitationDepot, 8), (CourierDepot, 6), (UnionOffice, 3));

    private static readonly WeightedTable<HostType> OuterMix = new(
        (BankBranch, 22), (Restaurant, 8), (Supermarket, 11), (PetrolStation, 17), (PropertyOffice, 9),
        (PartyMassServiceCentre, 17), (SanitationDepot, 8), (CourierDepot, 5), (UnionOffice, 3));

    /// <summary>The host of a warm station: banks and estates in city cores, more petrol stations and village centres outside.</summary>
    public static HostType DrawWarmStationHost(Random random, Place place) =>
        (place.Setting == Setting.Core ? CoreMix : OuterMix).Pick(random);

    public static string WorkersHomeName(Random random, string area) =>
        string.Concat(area, WorkersHomeUnits.Pick(random), "职工之家");
}
