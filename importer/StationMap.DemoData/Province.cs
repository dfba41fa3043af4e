namespace StationMap.DemoData;

/// <summary>The chains that host stations in one provincial-level region: banks, restaurants, supermarkets.</summary>
internal sealed class Province
{
    private static readonly (string, int)[] NationalBanks =
    [
        ("中国工商银行", 16), ("中国建设银行", 16), ("中国农业银行", 14), ("中国银行", 12), ("交通银行", 8),
        ("中国邮政储蓄银行", 10), ("招商银行", 5), ("中信银行", 4), ("中国民生银行", 3), ("中国光大银行", 3), ("华夏银行", 3),
    ];

    private static readonly (string, int)[] NationalRestaurants =
    [
        ("麦当劳", 4), ("肯德基", 4), ("永和大王", 2), ("吉野家", 1), ("德克士", 1),
    ];

    private Province((string, int)[] localBanks, (string, int)[] restaurants, (string, int)[] supermarkets)
    {
        Banks = new WeightedTable<string>([.. NationalBanks, .. localBanks]);
        Restaurants = new WeightedTable<string>([.. NationalRestaurants, .. restaurants]);
        Supermarkets = new WeightedTable<string>(supermarkets);
    }

    public WeightedTable<string> Banks { get; }

    public WeightedTable<string> Restaurants { get; }

    public WeightedTable<string> Supermarkets { get; }

    public static Province Beijing { get; } = new(
        [("北京银行", 8), ("北京农商银行", 6)],
        [("庆丰包子铺", 5), ("南城香", 4), ("老家肉饼", 3), ("嘉和一品", 2), ("田老师红烧肉", 2), ("宏状元", 1), ("和合谷", 1)],
        [("物美超市", 8), ("超市发", 5), ("京客隆超市", 4), ("华冠超市", 2), ("永辉超市", 2), ("家乐福", 1), ("首航超市", 1)]);

    public static Province Tianjin { get; } = new(
        [("天津银行", 8), ("天津农商银行", 5), ("渤海银行", 3)],
        [("狗不理包子", 2), ("大福来锅巴菜", 2), ("华莱士", 2)],
        [("物美超市", 5), ("家乐福", 3), ("永辉超市", 3), ("华润万家", 3), ("大润发", 2)]);

    public static Province Hebei { get; } = new(
        [("河北银行", 7), ("河北省农村信用社", 7)],
        [("华莱士", 3), ("驴肉火烧", 3), ("老乡鸡", 1)],
        [("北国超市", 5), ("信誉楼", 4), ("物美超市", 2), ("永辉超市", 2), ("华润万家", 2), ("家乐福", 1), ("大润发", 1)]);
}
