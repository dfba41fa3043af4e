using StationMap.Domain;

namespace StationMap.Import.Normalising;

/// <summary>Amenities as union lists name them (Chinese or English), mapped onto the fixed vocabulary.</summary>
public static class AmenityNames
{
    private static readonly char[] Separators = [',', ';', '，', '；', '、', '|', '/', '\n'];

    private static readonly Dictionary<string, Amenity> Synonyms = Build(
        (Amenity.DrinkingWater, ["饮用水", "饮水", "直饮水", "饮水机", "茶水", "water", "drinking water"]),
        (Amenity.HotWater, ["热水", "开水", "热饮", "hot water"]),
        (Amenity.Microwave, ["微波炉", "热饭", "加热饭菜"]),
        (Amenity.PhoneCharging, ["充电", "手机充电", "充电宝", "充电设备", "charging", "phone charging", "mobile phone charging"]),
        (Amenity.Toilet, ["卫生间", "厕所", "洗手间", "公厕", "toilets", "wc", "restroom"]),
        (Amenity.Seating, ["座椅", "桌椅", "休息座椅", "休息区", "bench", "seats", "seat"]),
        (Amenity.AirConditioning, ["空调", "冷气", "ac", "air conditioning"]),
        (Amenity.Heating, ["暖气", "取暖", "供暖", "取暖设备"]),
        (Amenity.FirstAid, ["急救药箱", "药箱", "医药箱", "应急药箱", "急救包", "常用药品", "first aid"]),
        (Amenity.Wifi, ["无线网络", "无线上网", "免费wifi", "wi-fi", "wlan"]),
        (Amenity.TruckParking, ["货车停车", "大车停车", "货车停车位", "truck parking"]),
        (Amenity.Shower, ["淋浴", "洗浴"]),
        (Amenity.Refrigerator, ["冰箱", "fridge"]),
        (Amenity.RepairKit, ["维修工具", "工具箱", "打气筒", "应急维修", "repair kit"]),
        (Amenity.ReadingCorner, ["图书角", "阅读角", "书报", "书籍", "reading corner"]),
        (Amenity.Lockers, ["储物柜", "寄存柜", "locker"]));

    /// <summary>Splits a list such as <c>饮用水、热水，微波炉</c> and maps each item; unknown items are returned, not dropped.</summary>
    public static Amenity Parse(string? text, List<string> unknown)
    {
        var set = Amenity.None;
        if (string.IsNullOrWhiteSpace(text))
        {
            return set;
        }
        foreach (var item in text.Split(Separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (TryParseOne(item, out var amenity))
            {
                set |= amenity;
                continue;
            }
            // "饮用水 热水": a space-separated list in one cell.
            var words = item.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 1 && words.All(w => TryParseOne(w, out _)))
            {
                foreach (var word in words)
                {
                    TryParseOne(word, out amenity);
                    set |= amenity;
                }
                continue;
            }
            unknown.Add(item);
        }
        return set;
    }

    public static bool TryParseOne(string item, out Amenity amenity) =>
        Amenities.TryParse(item.Replace(' ', '_'), out amenity) || Synonyms.TryGetValue(item.Trim(), out amenity);

    private static Dictionary<string, Amenity> Build(params (Amenity Value, string[] Names)[] entries)
    {
        var map = new Dictionary<string, Amenity>(StringComparer.OrdinalIgnoreCase);
        foreach (var (value, names) in entries)
        {
            foreach (var name in names)
            {
                map[name] = value;
            }
        }
        return map;
    }
}
