using System.Globalization;
using StationMap.Domain.Planning;

namespace StationMap.DemoData;

/// <summary>
/// Planning demo data over Beijing, built from <see cref="Seed"/> alone (same records on every machine):
/// three demand layers — Fangshan's 871 freight companies weighted by their 16,136 drivers, courier depots weighted
/// by riders, sanitation depots weighted by workers — and candidate hosts for new stations (bank branches,
/// restaurants, supermarkets, petrol stations, property offices) across the districts.
/// </summary>
public static class BeijingPlanningDemo
{
    public const int Seed = 20250101;

    /// <summary>Demand layer names of the demo.</summary>
    public const string FreightLayer = "freight_drivers";
    public const string CourierLayer = "courier_riders";
    public const string SanitationLayer = "sanitation_workers";

    /// <summary>Fangshan district's freight companies and their drivers (the district's own count).</summary>
    public const int FangshanFreightCompanies = 871;
    public const int FangshanFreightDrivers = 16_136;

    private const int CourierDepots = 1_200;
    private const int SanitationDepots = 320;
    private const int Candidates = 4_000;
    private const int FangshanExtraCandidates = 600;

    private static readonly string[] CourierBrands = ["顺丰", "京东", "中通", "圆通", "韵达", "申通", "美团", "饿了么", "邮政", "极兔"];
    private static readonly string[] FreightWords = ["运输", "物流", "货运", "储运", "汽运", "供应链"];
    private static readonly string[] Banks = ["中国工商银行", "中国农业银行", "中国银行", "中国建设银行", "交通银行", "北京银行", "北京农商银行", "邮储银行"];
    private static readonly string[] Restaurants = ["庆丰包子铺", "吉野家", "真功夫", "老家肉饼", "和合谷", "嘉和一品", "永和大王", "南城香"];
    private static readonly string[] Supermarkets = ["物美", "超市发", "京客隆", "华联", "永辉", "家乐福", "盒马"];
    private static readonly string[] PetrolBrands = ["中国石化", "中国石油", "壳牌"];
    private static readonly string[] PropertyFirms = ["万科物业", "首开物业", "金隅物业", "保利物业", "碧桂园服务", "绿城服务"];

    /// <summary>Host types of the candidate sites (the wire values of <c>candidate_site.host_type</c>).</summary>
    public static IReadOnlyList<string> HostTypes { get; } = ["bank_branch", "restaurant", "supermarket", "petrol_station", "property_office"];

    /// <summary>All demo demand points: <c>pd-freight-0001</c>.., <c>pd-courier-0001</c>.., <c>pd-sanitation-0001</c>...</summary>
    public static IReadOnlyList<DemandRecord> Demand()
    {
        var random = new Random(Seed);
        var districts = BeijingDistricts.All;
        var fangshan = districts.Single(d => d.District == "房山区");
        var records = new List<DemandRecord>();

        var drivers = Apportion(random, FangshanFreightCompanies, FangshanFreightDrivers);
        for (var i = 0; i < FangshanFreightCompanies; i++)
        {
            var (lat, lon) = PointSampler.Around(random, fangshan);
            var town = Pick(random, fangshan.Neighbourhoods);
            records.Add(new DemandRecord(
                Id("pd-freight-", i), FreightLayer, $"北京{town}{Pick(random, FreightWords)}有限公司{Number(i)}", drivers[i], fangshan.District, lat, lon));
        }
        for (var i = 0; i < CourierDepots; i++)
        {
            var place = ByWeight(random, districts, core: true);
            var (lat, lon) = PointSampler.Around(random, place);
            records.Add(new DemandRecord(
                Id("pd-courier-", i), CourierLayer, $"{Pick(random, CourierBrands)}{Pick(random, place.Neighbourhoods)}站点{Number(i)}",
                5 + random.Next(56), place.District, lat, lon));
        }
        for (var i = 0; i < SanitationDepots; i++)
        {
            var place = ByWeight(random, districts, core: false);
            var (lat, lon) = PointSampler.Around(random, place);
            records.Add(new DemandRecord(
                Id("pd-sanitation-", i), SanitationLayer, $"{place.District}环卫{Pick(random, place.Neighbourhoods)}作业站{Number(i)}",
                10 + random.Next(71), place.District, lat, lon));
        }
        return records.AsReadOnly();
    }

    /// <summary>All demo candidate sites, <c>pc-00001</c>..; Fangshan gets extra so that freight demand has hosts near it.</summary>
    public static IReadOnlyList<CandidateRecord> CandidateSites()
    {
        var random = new Random(Seed + 1);
        var districts = BeijingDistricts.All;
        var fangshan = districts.Single(d => d.District == "房山区");
        var records = new List<CandidateRecord>(Candidates + FangshanExtraCandidates);
        for (var i = 0; i < Candidates + FangshanExtraCandidates; i++)
        {
            var place = i < Candidates ? ByWeight(random, districts, core: true) : fangshan;
            var (lat, lon) = PointSampler.Around(random, place);
            var hostType = HostTypes[random.Next(HostTypes.Count)];
            var area = Pick(random, place.Neighbourhoods);
            var (name, capacity) = hostType switch
            {
                "bank_branch" => ($"{Pick(random, Banks)}北京{area}支行", 4 + random.Next(9)),
                "restaurant" => ($"{Pick(random, Restaurants)}({area}店)", 10 + random.Next(31)),
                "supermarket" => ($"{Pick(random, Supermarkets)}{area}店", 6 + random.Next(15)),
                "petrol_station" => ($"{Pick(random, PetrolBrands)}{area}加油站", 4 + random.Next(13)),
                _ => ($"{Pick(random, PropertyFirms)}{area}服务中心", 3 + random.Next(8)),
            };
            records.Add(new CandidateRecord(
                Id("pc-", i), hostType, name + Number(i), capacity, place.District,
                $"{place.AddressPrefix}{Pick(random, place.Roads)}{1 + random.Next(300)}号", lat, lon));
        }
        return records.AsReadOnly();
    }

    /// <summary>Sizes that sum exactly to <paramref name="total"/>: heavy-tailed shares (a few big fleets), at least one each.</summary>
    private static int[] Apportion(Random random, int count, int total)
    {
        var shares = new double[count];
        for (var i = 0; i < count; i++)
        {
            // u⁻¹ of a uniform in (0.05, 1] is a bounded Pareto-like draw using only division, exact on every machine.
            shares[i] = 1 / (0.05 + 0.95 * random.NextDouble());
        }
        var sum = shares.Sum();
        var spare = total - count;
        var sizes = shares.Select(s => 1 + (int)(spare * s / sum)).ToArray();
        var byRemainder = Enumerable.Range(0, count).OrderByDescending(i => spare * shares[i] / sum % 1).ThenBy(i => i);
        foreach (var i in byRemainder.Take(total - sizes.Sum()))
        {
            sizes[i]++;
        }
        return sizes;
    }

    // Core districts by their station weights; the sanitation layer spreads evenly over all sixteen.
    private static Place ByWeight(Random random, IReadOnlyList<Place> places, bool core)
    {
        if (!core)
        {
            return places[random.Next(places.Count)];
        }
        var draw = random.Next(places.Sum(p => p.Weight));
        foreach (var place in places)
        {
            draw -= place.Weight;
            if (draw < 0)
            {
                return place;
            }
        }
        return places[^1];
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static string Id(string prefix, int i) => prefix + (i + 1).ToString("D5", CultureInfo.InvariantCulture);

    // A short suffix keeps names unique without reading like an id.
    private static string Number(int i) => "·" + (i + 1).ToString(CultureInfo.InvariantCulture);
}
