using StationMap.Domain.Search;

namespace StationMap.Domain.Tests.Search;

/// <summary>The one form search compares text in: NFKC, lower case, letters and digits only; generic suffixes dropped from queries.</summary>
public sealed class SearchTextTests
{
    [Theory]
    [InlineData("前门大街１２号", "前门大街12号")] // full-width digits
    [InlineData("ＩＣＢＣ　前门", "icbc前门")] // full-width letters and the ideographic space
    [InlineData("Wang Fu-Jing!", "wangfujing")]
    [InlineData("（前门店）·暖心驿站", "前门店暖心驿站")] // full-width brackets and the middle dot
    [InlineData("①号 楼", "1号楼")] // circled digit
    [InlineData("ﾏｸﾄﾞﾅﾙﾄﾞ", "マクドナルド")] // half-width katakana
    [InlineData("   ", "")]
    [InlineData("!?。，", "")]
    [InlineData("\ud800前门", "前门")] // a lone surrogate is dropped, the rest kept
    public void Normalises(string text, string expected) => Assert.Equal(expected, SearchText.Normalise(text));

    [Theory]
    [InlineData("前门驿站", "前门")]
    [InlineData("前门 暖心驿站", "前门")] // "暖心驿站" goes whole, not leaving 暖心
    [InlineData("朝阳 户外劳动者服务站", "朝阳")]
    [InlineData("望京职工之家", "望京")]
    [InlineData("驿站", "驿站")] // nothing but a suffix: searched for as it is
    [InlineData("暖心驿站", "暖心驿站")]
    [InlineData("暖心驿站 户外劳动者服务站", "暖心驿站")] // nothing but suffixes: the first of them
    [InlineData("驿站驿站", "驿站")]
    [InlineData("ＩＣＢＣ暖心驿站", "icbc")]
    public void A_query_drops_its_generic_suffixes_unless_it_is_nothing_else_then_keeps_the_first(string query, string core) =>
        Assert.Equal(core, SearchText.QueryCore(query));

    [Fact]
    public void A_query_is_searched_by_its_first_hundred_characters()
    {
        var core = SearchText.QueryCore(new string('门', 200));
        Assert.Equal(SearchText.MaxQueryLength, core.Length);
        // NFKC can make one character many (U+FDFA is 18 letters): the cut is after normalising.
        Assert.Equal(SearchText.MaxQueryLength, SearchText.QueryCore(new string('\uFDFA', 10)).Length);
    }

    [Fact]
    public void The_suffixes_are_one_list()
    {
        Assert.Equal(["暖心驿站", "户外劳动者服务站", "职工之家", "驿站"], GenericSuffixes.All);
    }
}
