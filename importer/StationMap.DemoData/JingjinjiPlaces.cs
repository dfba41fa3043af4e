namespace StationMap.DemoData;

/// <summary>
/// Beijing, Tianjin and the 11 cities of Hebei (plus Xiong'an), weighted by resident population in thousands
/// (2020 census, rounded): each city is a core cluster around its real centre holding 80% of its weight and a wide,
/// thin countryside cluster holding 20%. Beijing reuses the district model of the demo.
/// </summary>
internal static class JingjinjiPlaces
{
    private const int BeijingThousands = 21_900;

    private static readonly string[] TownRoads =
        ["建设路", "人民路", "解放路", "新华路", "中山路", "和平路", "胜利路", "育才路", "府前街", "文化路", "朝阳路", "光明街"];

    public static IReadOnlyList<Place> All { get; } = Build();

    private static Place[] Build()
    {
        var places = new List<Place>();
        places.AddRange(BeijingDistricts.All.Select(d => d with { Weight = d.Weight * BeijingThousands / 100 }));

        places.Add(Core(Province.Tianjin, "天津市", "天津市", "天津", "022-2", 7, 39.1170, 117.1950, 9, 30, 9_500, 50,
            ["和平", "河西", "南开", "河东", "河北", "红桥", "东丽", "西青", "津南", "北辰", "小白楼", "五大道", "滨江道", "天塔", "中山门"],
            ["南京路", "卫津路", "黄河道", "友谊路", "解放北路", "南马路", "大沽南路", "中山路", "复康路", "红旗路", "成都道", "睦南道", "津塘路", "卫国道"],
            ["京津公路", "津蓟高速", "津沧高速", "外环线"]));
        places.Add(Core(Province.Tianjin, "天津市", "天津市滨海新区", "天津", "022-6", 7, 39.0300, 117.6800, 8, 25, 2_100, 300,
            ["塘沽", "汉沽", "大港", "于家堡", "响螺湾", "开发区", "中新生态城", "新港", "胡家园"],
            ["津塘路", "新港路", "河北路", "第三大街", "洞庭路", "中新大道", "世纪大道", "迎宾大道"],
            ["京津塘高速", "津滨高速", "海滨大道"]) with { Setting = Setting.Suburban });
        places.Add(Countryside(Province.Tianjin, "天津市", "天津市", "022-2", 7, 39.4500, 117.3000, 35, 70, 2_100,
            ["蓟州区", "宝坻区", "武清区", "静海区", "宁河区"], ["京津公路", "津蓟高速", "津沧高速", "112国道"]));

        AddCity(places, "石家庄市", "石家庄", "0311-8", 7, 38.0420, 114.5140, 7, 25, 11_240,
            ["裕华", "长安", "桥西", "新华", "槐安", "东岗", "谈固", "高新区", "正定新区"],
            ["中山路", "裕华路", "建设大街", "中华大街", "和平路", "槐安路", "体育大街", "胜利大街", "平安大街", "友谊大街", "东岗路"],
            ["107国道", "307国道", "京港澳高速", "石太高速"],
            38.1000, 114.6000, 35, 80,
            ["正定县", "鹿泉区", "栾城区", "藁城区", "晋州市", "辛集市", "无极县", "赵县", "井陉县", "平山县", "元氏县", "灵寿县"]);
        AddCity(places, "唐山市", "唐山", "0315-2", 6, 39.6300, 118.1800, 6, 20, 7_720,
            ["路北", "路南", "开平", "丰南", "丰润", "高新区", "龙泽", "唐山站"],
            ["新华道", "建设路", "北新道", "学院路", "卫国路", "龙泽路", "华岩路", "长宁道", "友谊路"],
            ["102国道", "205国道", "京哈高速", "唐津高速"],
            39.7500, 118.4000, 35, 75,
            ["遵化市", "迁安市", "滦州市", "乐亭县", "玉田县", "迁西县", "滦南县", "曹妃甸区"]);
        AddCity(places, "保定市", "保定", "0312-3", 6, 38.8740, 115.4640, 6, 20, 9_240,
            ["竞秀", "莲池", "满城", "清苑", "徐水", "高开区", "东关", "西关"],
            ["东风路", "朝阳大街", "裕华路", "七一路", "长城大街", "三丰路", "阳光大街", "天威路", "复兴路"],
            ["107国道", "京港澳高速", "保沧高速"],
            38.9500, 115.5000, 40, 85,
            ["涿州市", "高碑店市", "定州市", "安国市", "易县", "涞水县", "阜平县", "唐县", "望都县", "蠡县", "博野县", "涞源县"]);
        places.Add(Core(Province.Hebei, "雄安新区", "河北省雄安新区", "雄安", "0312-5", 6, 39.0000, 115.9800, 10, 22, 1_210, 100,
            ["容城", "雄县", "安新", "容东", "容西", "雄东", "昝岗"],
            ["奥威路", "金湖路", "津保路", "容城大街", "雄州路", "安新大街"],
            ["京雄高速", "荣乌高速", "津保路"]) with { Setting = Setting.Suburban });
        AddCity(places, "邯郸市", "邯郸", "0310-3", 6, 36.6250, 114.5390, 6, 20, 9_410,
            ["丛台", "邯山", "复兴", "肥乡", "永年", "高开区", "火车站", "赵苑"],
            ["人民路", "中华大街", "陵西大街", "滏河大街", "联纺路", "光明大街", "和平路", "丛台路"],
            ["107国道", "309国道", "京港澳高速", "青兰高速"],
            36.6000, 114.6000, 35, 60,
            ["武安市", "涉县", "磁县", "成安县", "大名县", "魏县", "馆陶县", "临漳县", "鸡泽县", "曲周县"]);
        AddCity(places, "邢台市", "邢台", "0319-2", 6, 37.0700, 114.5040, 5, 18, 7_110,
            ["襄都", "信都", "任泽", "南和", "开发区", "桥东", "桥西"],
            ["中兴大街", "新华路", "钢铁路", "泉北大街", "守敬路", "邢州大道", "团结大街", "顺德路"],
            ["107国道", "京港澳高速", "邢临高速"],
            37.2000, 114.8000, 35, 70,
            ["沙河市", "南宫市", "宁晋县", "柏乡县", "隆尧县", "内丘县", "临城县", "巨鹿县", "清河县", "威县"]);
        AddCity(places, "沧州市", "沧州", "0317-2", 6, 38.3040, 116.8390, 6, 18, 7_300,
            ["运河", "新华", "高新区", "开发区", "北环", "南环", "解放"],
            ["解放路", "永济路", "北京路", "迎宾大道", "浮阳大道", "御河路", "黄河路", "朝阳大街"],
            ["104国道", "205国道", "京沪高速", "石黄高速"],
            38.2000, 116.7000, 40, 80,
            ["任丘市", "黄骅市", "河间市", "泊头市", "青县", "沧县", "献县", "肃宁县", "盐山县", "吴桥县"]);
        AddCity(places, "廊坊市", "廊坊", "0316-2", 6, 39.5380, 116.6830, 5, 18, 4_260,
            ["广阳", "安次", "开发区", "万庄", "新开路", "爱民道"],
            ["和平路", "新华路", "金光道", "广阳道", "爱民道", "新开路", "银河路", "永兴路"],
            ["104国道", "112国道", "京台高速", "廊涿高速"],
            39.4000, 116.6000, 30, 60,
            ["固安县", "永清县", "霸州市", "文安县", "大城县", "香河县", "大厂回族自治县", "三河市"]);
        places.Add(Core(Province.Hebei, "廊坊市", "河北省廊坊市三河市", "三河", "0316-3", 6, 39.9600, 116.8200, 4, 12, 1_200, 100,
            ["燕郊", "燕顺路", "福成", "高新区", "迎宾路"],
            ["燕顺路", "迎宾路", "燕灵路", "学院大街", "汇福路", "102国道"],
            ["102国道", "京哈高速"]));
        AddCity(places, "衡水市", "衡水", "0318-2", 6, 37.7390, 115.6710, 5, 15, 4_210,
            ["桃城", "冀州", "滨湖新区", "开发区", "河东", "河西"],
            ["人民路", "中华大街", "前进街", "胜利路", "永兴路", "育才街", "和平路", "红旗大街"],
            ["106国道", "307国道", "大广高速"],
            37.7500, 115.7000, 30, 55,
            ["深州市", "枣强县", "武邑县", "武强县", "饶阳县", "安平县", "故城县", "景县", "阜城县"]);
        AddCity(places, "张家口市", "张家口", "0313-4", 6, 40.7680, 114.8860, 5, 15, 4_120,
            ["桥东", "桥西", "宣化", "万全", "崇礼", "下花园", "经开区"],
            ["胜利路", "建国路", "长青路", "钻石路", "东安大街", "五一大街", "明德路"],
            ["110国道", "207国道", "京藏高速", "张石高速"],
            41.0000, 115.0000, 50, 110,
            ["张北县", "康保县", "沽源县", "尚义县", "蔚县", "阳原县", "怀安县", "怀来县", "涿鹿县", "赤城县"]);
        AddCity(places, "承德市", "承德", "0314-2", 6, 40.9520, 117.9630, 5, 15, 3_350,
            ["双桥", "双滦", "鹰手营子", "高新区", "西大街", "南营子"],
            ["南营子大街", "武烈路", "新华路", "半壁山路", "翠桥路", "车站路", "迎宾路"],
            ["101国道", "112国道", "京承高速", "承秦高速"],
            41.2000, 117.8000, 50, 110,
            ["平泉市", "兴隆县", "滦平县", "隆化县", "丰宁满族自治县", "宽城满族自治县", "围场满族蒙古族自治县", "承德县"]);
        AddCity(places, "秦皇岛市", "秦皇岛", "0335-3", 6, 39.9360, 119.6000, 5, 15, 3_140,
            ["海港", "山海关", "北戴河", "抚宁", "开发区", "西港"],
            ["河北大街", "迎宾路", "海阳路", "文化路", "建设大街", "和平大街", "秦皇东大街", "燕山大街"],
            ["102国道", "205国道", "京哈高速", "沿海高速"],
            39.9500, 119.3000, 30, 60,
            ["昌黎县", "卢龙县", "青龙满族自治县", "抚宁区"]);

        return [.. places];
    }

    private static void AddCity(
        List<Place> places, string city, string branchCity, string phonePrefix, int phoneDigits,
        double lat, double lon, double spreadKm, double radiusKm, int thousands,
        string[] neighbourhoods, string[] roads, string[] highways,
        double countryLat, double countryLon, double countrySpreadKm, double countryRadiusKm, string[] counties)
    {
        var coreThousands = thousands * 4 / 5;
        places.Add(Core(Province.Hebei, city, "河北省" + city, branchCity, phonePrefix, phoneDigits,
            lat, lon, spreadKm, radiusKm, coreThousands, 100, neighbourhoods, roads, highways));
        places.Add(Countryside(Province.Hebei, city, "河北省" + city, phonePrefix, phoneDigits,
            countryLat, countryLon, countrySpreadKm, countryRadiusKm, thousands - coreThousands, counties, highways));
    }

    private static Place Core(
        Province province, string district, string addressPrefix, string branchCity, string phonePrefix, int phoneDigits,
        double lat, double lon, double spreadKm, double radiusKm, int thousands, int truckPetrolPermille,
        string[] neighbourhoods, string[] roads, string[] highways) => new()
    {
        Province = province,
        District = district,
        AddressPrefix = addressPrefix,
        BranchCity = branchCity,
        PhonePrefix = phonePrefix,
        PhoneDigits = phoneDigits,
        Lat = lat,
        Lon = lon,
        SpreadKm = spreadKm,
        RadiusKm = radiusKm,
        Weight = thousands,
        Setting = Setting.Core,
        Neighbourhoods = neighbourhoods,
        Roads = roads,
        Highways = highways,
        TruckPetrolPermille = truckPetrolPermille,
    };

    private static Place Countryside(
        Province province, string district, string addressPrefix, string phonePrefix, int phoneDigits,
        double lat, double lon, double spreadKm, double radiusKm, int thousands, string[] counties, string[] highways) => new()
    {
        Province = province,
        District = district,
        AddressPrefix = addressPrefix,
        BranchCity = "",
        PhonePrefix = phonePrefix,
        PhoneDigits = phoneDigits,
        Lat = lat,
        Lon = lon,
        SpreadKm = spreadKm,
        RadiusKm = radiusKm,
        Weight = thousands,
        Setting = Setting.Countryside,
        Neighbourhoods = counties,
        Roads = TownRoads,
        Highways = highways,
        TruckPetrolPermille = 400,
    };
}
