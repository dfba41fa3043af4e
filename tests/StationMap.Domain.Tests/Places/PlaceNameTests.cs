using StationMap.Domain.Places;

namespace StationMap.Domain.Tests.Places;

/// <summary>What the matcher keeps of names, addresses and phones (the rules of <c>place-names.json</c>).</summary>
public sealed class PlaceNameTests
{
    [Theory]
    [InlineData("中国工商银行北京前门支行 暖心驿站", "工商银行", "前门")]
    [InlineData("工行前门支行户外劳动者服务站", "工商银行", "前门")]
    [InlineData("ICBC 前门支行", "工商银行", "前门")]
    [InlineData("工商银行（北京前门支行）", "工商银行", "前门")]
    [InlineData("中国建设银行北京西单支行", "建设银行", "西单")]
    [InlineData("建行西单支行", "建设银行", "西单")]
    [InlineData("中石化窦店加油站", "中国石化", "窦店")]
    [InlineData("Sinopec 窦店加油站", "中国石化", "窦店")]
    [InlineData("中国石化窦店第二加油站", "中国石化", "窦店第2")]
    [InlineData("中石油黄村加油站户外劳动者服务站", "中国石油", "黄村")]
    [InlineData("中国邮政储蓄银行北京朝阳门支行", "邮政储蓄银行", "朝阳门")]
    [InlineData("中国邮政东四邮政支局", "中国邮政", "东4邮政支局")]
    [InlineData("中国工商银行天津河北支行", "工商银行", "河北")]
    [InlineData("和平里３区物业服务中心 暖心驿站", null, "和平里3区物业服务中心")]
    [InlineData("八里庄第二社区党群服务中心", null, "8里庄第2社区党群服务中心")]
    [InlineData("望京社区 职工之家", null, "望京社区")]
    [InlineData("中国石化", "中国石化", "")]
    [InlineData("ICBCX Qianmen", null, "icbcxqianmen")]
    // Numerals become digits wherever they are (八里庄 → 8里庄): the same in every list, which is all a comparison needs.
    public void A_name_becomes_its_company_and_what_names_the_outlet(string name, string? brand, string core)
    {
        var rules = PlaceNameRules.Default;
        var folded = PlaceName.Of(name, rules);
        Assert.Equal(brand, folded.Brand < 0 ? null : rules.Brands[folded.Brand]);
        Assert.Equal(core, folded.Core);
    }

    [Fact]
    public void Names_in_English_are_not_compared_letter_by_letter_with_Chinese_ones()
    {
        Assert.True(PlaceName.Of("ICBC Qianmen Branch", PlaceNameRules.Default).IsLatin);
        Assert.False(PlaceName.Of("ICBC 前门支行", PlaceNameRules.Default).IsLatin);
    }

    [Theory]
    [InlineData("北京市朝阳区建国路88号", "建国路８８号", Agreement.Same)]
    [InlineData("北京市朝阳区建国路88号", "朝阳区建国路89号", Agreement.Different)]
    [InlineData("北京市朝阳区建国路88号", "北京市朝阳区建国路甲88号", Agreement.Different)]
    [InlineData("北京市朝阳区建国路88号", "北京市海淀区中关村大街1号", Agreement.Different)]
    [InlineData("北京市朝阳区建国路88号", "建国路", Agreement.Unknown)]
    [InlineData("河北省衡水市红旗大街115号", "中华大街115号", Agreement.Different)]
    [InlineData("北京市朝阳区建国门外大街1号", "建外大街1号", Agreement.Same)]
    [InlineData("北京市房山区107国道窦店段东侧", "107国道窦店段东侧", Agreement.Unknown)]
    public void Addresses_agree_on_road_and_number(string a, string b, Agreement expected) =>
        Assert.Equal(expected, PlaceAddress.Of(a)!.Compare(PlaceAddress.Of(b)!));

    [Theory]
    [InlineData("010-65123456", "(010)6512 3456", true)]
    [InlineData("010-65123456", "+86 10 6512 3456", true)]
    [InlineData("010-65123456", "０１０－６５１２３４５６", true)]
    [InlineData("010-65123456", "010-65123457", false)]
    public void Phones_compare_by_their_last_eight_digits(string a, string b, bool same) =>
        Assert.Equal(same, PlacePhone.KeyOf(a) == PlacePhone.KeyOf(b));

    [Fact]
    public void A_hotline_or_nothing_is_no_phone()
    {
        Assert.Equal(-1, PlacePhone.KeyOf("95588"));
        Assert.Equal(-1, PlacePhone.KeyOf(null));
        Assert.Equal(-1, PlacePhone.KeyOf(" "));
    }

    [Fact]
    public void The_rules_refuse_an_alias_of_two_companies()
    {
        var json = """{"brands": [{"name": "a", "aliases": ["工行"]}, {"name": "b", "aliases": ["工行"]}], "generic": [], "regions": [], "units": []}""";
        Assert.Throws<FormatException>(() => PlaceNameRules.Parse(json));
    }
}
