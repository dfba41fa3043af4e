namespace StationMap.DemoData;

/// <summary>
/// Opening hours as data sources write them: OpenStreetMap <c>opening_hours</c>, including spans past midnight and
/// later rules that override earlier ones, plus the free text that real files contain and no parser accepts.
/// </summary>
internal static class DemoOpeningHours
{
    public const string AlwaysOpen = "24/7";
    public const string OfficeDays = "Mo-Fr 09:00-17:00";
    public const string OfficeAndWeekend = "Mo-Fr 08:30-17:30; Sa,Su 09:00-16:00";
    public const string ShopDaily = "Mo-Su 07:00-22:00";
    public const string LunchBreak = "08:00-12:00,13:30-18:00";
    public const string LateNight = "Mo-Su 10:00-02:00";
    public const string WeekendNights = "Fr,Sa 18:00-03:00";
    public const string SundayOff = "Mo-Su 08:00-20:00; Su off";

    /// <summary>Per mille of stations with no hours at all.</summary>
    public const int MissingPermille = 20;

    /// <summary>Per mille of stations whose hours are free text.</summary>
    public const int UnparseablePermille = 10;

    public static WeightedTable<string> Unparseable { get; } = WeightedTable<string>.Uniform(
        ["工作日9点-17点", "see website", "Mo-Fr 9am-5pm", "全天开放", "早8点至晚8点", "夏季 07:00-19:00", "节假日除外"]);

    /// <summary>The hours of a station of <paramref name="host"/>: mostly the host's own, a few missing or free text.</summary>
    public static string? Draw(Random random, HostType host)
    {
        var draw = random.Next(1000);
        return draw < MissingPermille ? null
            : draw < MissingPermille + UnparseablePermille ? Unparseable.Pick(random)
            : host.Hours.Pick(random);
    }
}
