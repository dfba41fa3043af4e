using StationMap.Domain.Hours;

namespace StationMap.Domain.Tests.Hours;

public class PublicHolidayCalendarTests
{
    private static readonly PublicHolidayCalendar China = PublicHolidayCalendar.China;

    [Fact]
    public void The_shipped_calendar_holds_the_notices_for_2025_and_2026_only()
    {
        Assert.Equal([2025, 2026], China.Years);
    }

    [Theory]
    // 2026: National Day 1-7 October with 20 September and 10 October worked; Mid-Autumn 25-27 September
    [InlineData("2026-10-01", "national_day", false)]
    [InlineData("2026-10-04", "national_day", false)]
    [InlineData("2026-10-07", "national_day", false)]
    [InlineData("2026-10-08", null, false)]
    [InlineData("2026-09-20", null, true)]
    [InlineData("2026-10-10", null, true)]
    [InlineData("2026-09-19", null, false)]
    [InlineData("2026-09-25", "mid_autumn", false)]
    // 2026: New Year 1-3 January, 4 January worked; Spring Festival 15-23 February, 14 and 28 February worked
    [InlineData("2026-01-03", "new_year", false)]
    [InlineData("2026-01-04", null, true)]
    [InlineData("2026-02-14", null, true)]
    [InlineData("2026-02-15", "spring_festival", false)]
    [InlineData("2026-02-23", "spring_festival", false)]
    [InlineData("2026-02-28", null, true)]
    [InlineData("2026-05-09", null, true)]
    // 2025: the eve of the Spring Festival is a day off since that year's rules; National Day and Mid-Autumn together
    [InlineData("2025-01-28", "spring_festival", false)]
    [InlineData("2025-01-26", null, true)]
    [InlineData("2025-05-05", "labour_day", false)]
    [InlineData("2025-06-02", "dragon_boat", false)]
    [InlineData("2025-10-08", "national_day_mid_autumn", false)]
    [InlineData("2025-10-11", null, true)]
    // an ordinary weekend and an ordinary weekday
    [InlineData("2026-11-28", null, false)]
    [InlineData("2026-11-24", null, false)]
    public void Days_off_and_adjusted_working_days_are_the_notices(string date, string? holiday, bool adjusted)
    {
        var day = China.DayOf(DateOnly.Parse(date));

        Assert.Equal(new CalendarDay(true, holiday, adjusted), day);
        Assert.Equal(holiday is not null, day.IsDayOff);
    }

    [Theory]
    [InlineData("2024-12-31")]
    [InlineData("2027-01-01")]
    [InlineData("2027-10-01")]
    // Late December waits for the next year's notice, whose New Year break may reach back into it.
    [InlineData("2026-12-25")]
    [InlineData("2026-12-31")]
    public void A_date_no_notice_settles_is_unknown(string date)
    {
        Assert.Equal(default, China.DayOf(DateOnly.Parse(date)));
    }

    [Theory]
    [InlineData("2026-12-24")]
    [InlineData("2025-12-31")]
    public void Late_December_is_known_when_the_next_year_is(string date)
    {
        Assert.True(China.DayOf(DateOnly.Parse(date)).IsKnown);
    }

    public static TheoryData<string, string> BadCalendars => new()
    {
        { Year("""{ "id": "x", "off": ["2026-10-01 周五", "2026-10-07 周三"], "days": 7, "work": [] }"""), "2026-10-01 is a 周四, not a 周五" },
        { Year("""{ "id": "x", "off": ["2026-10-01 周四", "2026-10-07 周三"], "days": 8, "work": [] }"""), "is 7 days, not 8" },
        { Year("""{ "id": "x", "off": ["2026-10-07 周三", "2026-10-01 周四"], "days": 7, "work": [] }"""), "'off' must be the first and the last day off" },
        { Year("""{ "id": "x", "off": ["2026-10-01 周四", "2026-10-01 周四"], "days": 1, "work": ["2026-10-09 周五"] }"""), "2026-10-09 is a weekday" },
        { Year("""{ "id": "x", "off": ["2026-10-01 周四", "2026-10-02 周五"], "days": 2, "work": ["2026-10-02 周五"] }"""), "2026-10-02 is a weekday" },
        { Year("""{ "id": "x", "off": ["2026-10-01 周四", "2026-10-02 周五"], "days": 2, "work": ["2026-10-03 周六", "2026-10-03 周六"] }"""), "2026-10-03 is listed twice" },
        { Year("""{ "id": "x", "off": ["2025-10-01 周三", "2025-10-02 周四"], "days": 2, "work": [] }"""), "days off outside the notice's year" },
        { Year("""{ "id": "x", "off": ["2026/10/01 周四", "2026-10-02 周五"], "days": 2, "work": [] }"""), "is not a date like" },
    };

    [Theory]
    [MemberData(nameof(BadCalendars))]
    public void A_calendar_that_disagrees_with_itself_is_refused(string json, string reason)
    {
        var error = Assert.Throws<FormatException>(() => PublicHolidayCalendar.Parse(json));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_year_is_added_by_entering_its_notice()
    {
        var calendar = PublicHolidayCalendar.Parse(Year(
            """{ "id": "national_day", "off": ["2026-10-01 周四", "2026-10-07 周三"], "days": 7, "work": ["2026-09-20 周日", "2026-10-10 周六"] }"""));

        Assert.Equal([2026], calendar.Years);
        Assert.Equal(new CalendarDay(true, "national_day", false), calendar.DayOf(new DateOnly(2026, 10, 2)));
        Assert.True(calendar.DayOf(new DateOnly(2026, 10, 10)).IsAdjustedWorkingDay);
        Assert.False(calendar.DayOf(new DateOnly(2026, 2, 16)).IsDayOff);
        Assert.False(calendar.DayOf(new DateOnly(2025, 10, 1)).IsKnown);
    }

    private static string Year(string holiday) => $$"""{ "years": [ { "year": 2026, "notice": "test", "holidays": [ {{holiday}} ] } ] }""";
}
