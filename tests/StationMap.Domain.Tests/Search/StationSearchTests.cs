using StationMap.Domain.Geo;
using StationMap.Domain.Nearest;
using StationMap.Domain.Search;

namespace StationMap.Domain.Tests.Search;

/// <summary>Hand-written searches a worker would type, over a few stations whose answers can be read off.</summary>
public sealed class StationSearchTests
{
    // Tiananmen, and stations around it at known distances (north of it along the meridian: 0.009° is ~1 km).
    private const double Lat = 39.9087;
    private const double Lon = 116.3975;

    private static readonly StationIndexRow[] Rows =
    [
        Row(1, "中国工商银行北京前门支行 暖心驿站", "北京市东城区前门大街12号", "东城区", "bank_branch", 0.009),
        Row(2, "中国石化前门加油站 户外劳动者服务站", "北京市东城区珠市口东大街1号", "东城区", "中国石油化工股份有限公司北京分公司", 0.02),
        Row(3, "前门支行", "北京市西城区大栅栏街5号", "西城区", "bank_branch", 0.3),
        Row(4, "望京社区职工之家", "北京市朝阳区望京街9号", "朝阳区", "union_office", 0.1),
        Row(5, "前门大街环卫所 环卫工人休息站", "北京市东城区前门东大街3号", "东城区", "sanitation_depot", 0.05),
        Row(6, "美团外卖（西单店） 暖心驿站", "北京市西城区西单北大街120号", "西城区", "courier_depot", 0.04),
        Row(7, "天坛社区党群服务中心 暖心驿站", "永定门内大街1号", "东城区", "party_mass_service_centre", 0.06),
        Row(8, "ＫＦＣ（王府井店） 驿站", "北京市东城区王府井大街8号", "东城区", "restaurant", 0.07),
    ];

    private static readonly StationIndex Index = Build(Rows);

    private static StationIndexRow Row(long id, string name, string address, string district, string host, double north) =>
        new(id, StationKind.WarmStation, name, address, district, Lat + north, Lon, Amenity.None, null, Host: host);

    private static StationIndex Build(IEnumerable<StationIndexRow> rows)
    {
        var builder = new StationIndexBuilder(16);
        foreach (var row in rows)
        {
            builder.Add(row);
        }
        return builder.Build(version: 1);
    }

    private static List<(long Id, SearchMatch Match)> Find(string text, bool fromTiananmen = false, int limit = 10)
    {
        var hits = Index.Search.Find(new SearchQuery
        {
            Text = text, Lat = fromTiananmen ? Lat : null, Lon = fromTiananmen ? Lon : null, Limit = limit,
        });
        return [.. hits.Select(h => (Index[h.Position].Id, h.Match))];
    }

    private static List<(long Id, SearchMatch Match)> Whole(string text, bool fromTiananmen = false)
    {
        var hits = Find(text, fromTiananmen);
        Assert.DoesNotContain(hits, h => h.Match == SearchMatch.Partial);
        return hits;
    }

    [Fact]
    public void Full_width_input_finds_the_half_width_address()
    {
        Assert.Equal([(1L, SearchMatch.Address)], Whole("前门大街１２号"));
        Assert.Equal([(8L, SearchMatch.NamePrefix)], Whole("ｋｆｃ"));
        Assert.Equal([(8L, SearchMatch.NamePrefix)], Whole("KFC 王府井"));
    }

    [Fact]
    public void A_name_without_its_generic_suffix_is_the_whole_name()
    {
        Assert.Equal((1L, SearchMatch.NameExact), Find("中国工商银行北京前门支行")[0]);
        Assert.Equal((1L, SearchMatch.NameExact), Find("中国工商银行北京前门支行 暖心驿站")[0]);
        // Another suffix than the station's own is dropped from the query alike.
        Assert.Equal((1L, SearchMatch.NameExact), Find("中国工商银行北京前门支行职工之家")[0]);
        Assert.Equal((4L, SearchMatch.NameExact), Find("望京社区")[0]);
    }

    [Fact]
    public void Without_a_position_tiers_come_first_then_the_shorter_name()
    {
        // 前门支行 is the whole name of 3 and part of 1's; 前门 starts 3 and 5 (shorter first) and is in 2's and 1's
        // names: 中国石化前门加油站 is shorter than 中国工商银行北京前门支行 (their generic suffixes do not count).
        Assert.Equal([(3L, SearchMatch.NameExact), (1L, SearchMatch.Name)], Whole("前门支行"));
        Assert.Equal(
            [(3L, SearchMatch.NamePrefix), (5L, SearchMatch.NamePrefix), (2L, SearchMatch.Name), (1L, SearchMatch.Name)],
            Whole("前门驿站"));
    }

    [Fact]
    public void An_address_fragment_a_district_and_a_host_are_found()
    {
        Assert.Equal([(5L, SearchMatch.Address)], Whole("前门东大街"));
        Assert.Equal([(6L, SearchMatch.Address)], Whole("西单北大街"));
        // Station 7's address does not name its district.
        Assert.Contains((7L, SearchMatch.District), Find("东城区"));
        Assert.Equal([(2L, SearchMatch.Host)], Whole("石油化工股份"));
        Assert.Equal([(4L, SearchMatch.Host)], Whole("union office"));
    }

    [Fact]
    public void Case_spaces_and_punctuation_do_not_matter()
    {
        Assert.Equal(Find("美团外卖西单店"), Find("美团外卖 （西单店）"));
        Assert.Equal([(6L, SearchMatch.NamePrefix)], Whole("美团外卖·西单"));
    }

    [Fact]
    public void With_a_position_a_near_station_passes_a_farther_one_of_the_tier_just_above_only()
    {
        // 前门支行: 3 is the whole name (tier 4) 33 km north; 1 holds it (tier 2) 1 km away: 2 + 0.75 < 4 + 0.04.
        Assert.Equal([3L, 1L], Whole("前门支行", fromTiananmen: true).Select(h => h.Id));
        // 前门: 5 (tier 3, 5.6 km: 3.23) and 3 (tier 3, 33 km: 3.04) begin with it; 1 (tier 2, 1 km: 2.75) and 2
        // (tier 2, 2.2 km: 2.47) hold it.
        Assert.Equal([5L, 3L, 1L, 2L], Find("前门", fromTiananmen: true).Select(h => h.Id));
        var answer = Index.Search.Find(new SearchQuery { Text = "前门", Lat = Lat, Lon = Lon });
        Assert.All(answer, h => Assert.Equal(Geodesy.DistanceMeters(Lat, Lon, Index[h.Position].Lat, Index[h.Position].Lon), h.DistanceM));
        Assert.All(Index.Search.Find(new SearchQuery { Text = "前门" }), h => Assert.Null(h.DistanceM));
    }

    [Fact]
    public void Nearness_reorders_a_tier_and_lifts_a_tier_by_one()
    {
        // Two name matches (tier 2) and an address match (tier 1) right at the origin.
        var index = Build(
        [
            Row(10, "新王府井东站", "北京市东城区A街1号", "东城区", "x", 0.5),
            Row(11, "新王府井西站", "北京市东城区B街1号", "东城区", "x", 0.05),
            Row(12, "东安市场站", "北京市东城区王府井大街1号", "东城区", "x", 0.0),
        ]);
        List<long> Ids(bool position) => [.. index.Search.Find(new SearchQuery { Text = "王府井", Lat = position ? Lat : null, Lon = position ? Lon : null })
            .Select(h => index[h.Position].Id)];
        Assert.Equal([10L, 11L, 12L], Ids(position: false));
        // 12: 1 + 1.5 = 2.5 beats 11: 2 + 1.5 / (1 + 5.6) = 2.23, which beats 10 at 55 km.
        Assert.Equal([12L, 11L, 10L], Ids(position: true));
    }

    [Fact]
    public void A_query_no_field_holds_whole_finds_the_stations_holding_most_of_it()
    {
        // 前门工商银行: pairs 前门 门工 工商 商银 银行; station 1 has four (in its name), 2 and 3 and 5 one (前门).
        var answer = Index.Search.Find(new SearchQuery { Text = "前门 工商银行" });
        Assert.Equal([(1L, SearchMatch.Partial)], answer.Select(h => (Index[h.Position].Id, h.Match)));
        Assert.Equal(0.8, answer[0].Share);
        // Counted per field: 工商银行前门 holds 4 of 工商银行 前门大街's 7 pairs in station 1's name (工商 商银 银行 and
        // 前门), 3 in its address; station 5's name 前门大街环卫所 holds 3 (前门 门大 大街).
        var byField = Index.Search.Find(new SearchQuery { Text = "工商银行 前门大街" });
        Assert.Equal([(1L, 4.0 / 7)], byField.Select(h => (Index[h.Position].Id, h.Share)));
        // With a whole match there are no partial ones.
        Assert.DoesNotContain(Index.Search.Find(new SearchQuery { Text = "前门东大街" }), h => h.Match == SearchMatch.Partial);
    }

    [Fact]
    public void Nothing_to_search_for_finds_nothing_and_the_limit_holds()
    {
        Assert.Empty(Find(""));
        Assert.Empty(Find("！？  。"));
        Assert.Empty(Find("长城"));
        Assert.Equal(3, Find("区", limit: 3).Count);
        // Station 7's address lacks 北京, and so do its district and host.
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L, 8L], Find("北京", limit: 50).Select(h => h.Id).Order());
    }

    [Fact]
    public void A_two_hundred_character_query_is_searched_by_its_first_hundred()
    {
        Assert.Empty(Find(new string('门', 200)));
        Assert.Equal(Find("前门支行"), Find("前门支行" + new string(' ', 196)));
    }
}
