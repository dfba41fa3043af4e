using StationMap.Domain.Hours;

namespace StationMap.Domain.Tests.Hours;

/// <summary>Rules that select public holidays (PH), read against the State Council's calendar.</summary>
public class PublicHolidayHoursTests
{
    private const string OfficeHours = "Mo-Fr 08:00-18:00; PH off";

    private static DateTimeOffset At(string localDateTime) => DateTimeOffset.Parse(localDateTime + "+08:00");

    [Theory]
    // National Day 2026 (a Thursday) is closed, and so is the Monday in its break
    [InlineData(OfficeHours, "2026-10-01T10:00", false)]
    [InlineData(OfficeHours, "2026-10-05T10:00", false)]
    // its make-up working Sunday (20 September) and Saturday (10 October) are open
    [InlineData(OfficeHours, "2026-09-20T10:00", true)]
    [InlineData(OfficeHours, "2026-10-10T10:00", true)]
    [InlineData(OfficeHours, "2026-09-20T07:59", false)]
    [InlineData(OfficeHours, "2026-09-20T18:00", false)]
    // an ordinary Sunday and an ordinary Thursday
    [InlineData(OfficeHours, "2026-09-13T10:00", false)]
    [InlineData(OfficeHours, "2026-10-08T10:00", true)]
    // Spring Festival 2026: make-up Saturday 14 February open, the eve (16 February, a Monday) closed
    [InlineData(OfficeHours, "2026-02-14T10:00", true)]
    [InlineData(OfficeHours, "2026-02-16T10:00", false)]
    // 2025: the eve of the Spring Festival (28 January, a Tuesday) closed, make-up Sunday 26 January open
    [InlineData(OfficeHours, "2025-01-28T10:00", false)]
    [InlineData(OfficeHours, "2025-01-26T10:00", true)]
    // PH selects holidays only; on them, a later rule wins as anywhere in the syntax
    [InlineData("Mo-Su 08:00-20:00; PH 10:00-16:00", "2026-10-03T09:00", false)]
    [InlineData("Mo-Su 08:00-20:00; PH 10:00-16:00", "2026-10-03T11:00", true)]
    [InlineData("Mo-Su 08:00-20:00; PH 10:00-16:00", "2026-10-08T09:00", true)]
    [InlineData("PH off; Mo-Fr 09:00-17:00", "2026-10-01T10:00", true)]
    [InlineData("Sa,Su,PH 09:00-12:00", "2026-10-01T10:00", true)]
    [InlineData("Sa,Su,PH 09:00-12:00", "2026-09-30T10:00", false)]
    [InlineData("PH 09:00-12:00", "2026-10-01T10:00", true)]
    [InlineData("PH", "2026-10-01T03:00", true)]
    [InlineData("PH", "2026-09-30T10:00", false)]
    // spans past midnight carry from a holiday's eve into it
    [InlineData("Mo-Su 18:00-02:00; PH off", "2026-10-01T01:00", true)]
    [InlineData("Mo-Su 18:00-02:00; PH off", "2026-10-01T19:00", false)]
    [InlineData("Mo-Su 18:00-02:00; PH off", "2026-10-08T01:00", false)]
    [InlineData("Mo-Su 18:00-02:00; PH off", "2026-10-09T01:00", true)]
    // a make-up day takes Monday-to-Friday's hours, even where the text closes that weekend day
    [InlineData("Mo-Fr 09:00-17:00; Sa 09:00-12:00; Su off; PH off", "2026-09-20T15:00", true)]
    [InlineData("Mo-Fr 09:00-17:00; Sa 09:00-12:00; Su off; PH off", "2026-10-10T15:00", true)]
    // without PH a text is read by weekday alone, as OpenStreetMap reads it
    [InlineData("Mo-Fr 08:00-18:00", "2026-10-01T10:00", true)]
    [InlineData("Mo-Fr 08:00-18:00", "2026-09-20T10:00", false)]
    public void PH_rules_follow_the_calendar(string text, string at, bool open)
    {
        var hours = OpeningHours.Parse(text);

        Assert.Equal(open, hours.StateAt(At(at))?.IsOpen);
        Assert.Equal(open, hours.IsOpenAt(At(at)));
    }

    [Theory]
    // 2027: no notice in the calendar
    [InlineData(OfficeHours, "2027-03-01T10:00")]
    [InlineData("PH off", "2027-10-01T10:00")]
    [InlineData("Mo-Su 18:00-02:00; PH off", "2027-01-01T01:00")]
    // late December 2026 waits for the 2027 notice
    [InlineData(OfficeHours, "2026-12-28T10:00")]
    // weekdays that differ leave a make-up day unknown: which weekday's hours would it keep?
    [InlineData("Mo-Fr 09:00-17:00; Fr 09:00-12:00; PH off", "2026-09-20T10:00")]
    [InlineData("Tu-Su 09:00-17:00; PH 09:00-17:00", "2026-10-10T10:00")]
    public void Unknown_days_are_unknown_not_guessed(string text, string at)
    {
        var hours = OpeningHours.Parse(text);

        Assert.Null(hours.StateAt(At(at)));
        Assert.Null(hours.IsOpenAt(At(at)));
    }

    [Theory]
    [InlineData("Mo-Fr 08:00-18:00", "2027-03-01T10:00", true)]
    [InlineData("Mo-Fr 09:00-17:00; Fr 09:00-12:00; PH off", "2026-09-21T10:00", true)]
    [InlineData("Tu-Su 09:00-17:00; PH 09:00-17:00", "2026-10-12T10:00", false)]
    public void Days_the_calendar_does_not_decide_are_known(string text, string at, bool open)
    {
        Assert.Equal(open, OpeningHours.Parse(text).StateAt(At(at))?.IsOpen);
    }

    [Theory]
    // Wednesday 30 September, closed at 18:00: next open after the National Day break, Thursday 8 October
    [InlineData(OfficeHours, "2026-09-30T18:00", false, "2026-10-08T08:00")]
    // Saturday 19 September: the make-up Sunday opens next
    [InlineData(OfficeHours, "2026-09-19T12:00", false, "2026-09-20T08:00")]
    [InlineData(OfficeHours, "2026-09-20T12:00", true, "2026-09-20T18:00")]
    // Friday 13 February: the make-up Saturday; then the Spring Festival: Tuesday 24 February
    [InlineData(OfficeHours, "2026-02-13T18:00", false, "2026-02-14T08:00")]
    [InlineData(OfficeHours, "2026-02-14T18:00", false, "2026-02-24T08:00")]
    [InlineData("Mo-Su 18:00-02:00; PH off", "2026-09-30T19:00", true, "2026-10-01T02:00")]
    public void NextChange_crosses_holidays_and_make_up_days(string text, string at, bool open, string next)
    {
        var state = OpeningHours.Parse(text).StateAt(At(at));

        Assert.Equal(new OpeningState(open, At(next)), state);
    }

    [Fact]
    public void NextChange_is_null_when_the_way_there_is_unknown()
    {
        // Thursday 24 December 2026, after hours: the next opening would be on a day the calendar does not settle.
        var state = OpeningHours.Parse(OfficeHours).StateAt(At("2026-12-24T19:00"));

        Assert.Equal(new OpeningState(false, null), state);
    }

    public static TheoryData<string> Texts => new()
    {
        OfficeHours,
        "Mo-Su 18:00-02:00; PH off",
        "Mo-Su 08:00-20:00; PH 10:00-16:00",
        "Sa,Su,PH 22:00-06:00",
        "Mo-Fr 09:00-17:00; Sa 09:00-12:00; Su off; PH off",
    };

    // Every minute from 26 September to 14 October 2026 (Mid-Autumn, National Day, two make-up days): each next change
    // is where the state really flips next.
    [Theory]
    [MemberData(nameof(Texts))]
    public void NextChange_agrees_with_the_state_minute_by_minute(string text)
    {
        MinuteWalk.AssertNextChangesAgree(OpeningHours.Parse(text), At("2026-09-26T00:00"), days: 19, checkedDays: 8);
    }

    [Fact]
    public void Days_give_the_week_with_its_holiday_and_make_up_day()
    {
        // Saturday 19 September to Friday 25 September 2026: an ordinary Saturday, the make-up Sunday, four
        // ordinary weekdays, and the Mid-Autumn Festival.
        var days = OpeningHours.Parse(OfficeHours).Days(new DateOnly(2026, 9, 19), 7);

        Assert.Equal(
            ["2026-09-19", "2026-09-20 08:00-18:00 work", "2026-09-21 08:00-18:00", "2026-09-22 08:00-18:00",
             "2026-09-23 08:00-18:00", "2026-09-24 08:00-18:00", "2026-09-25  mid_autumn"],
            days.Select(Describe));
    }

    [Fact]
    public void Days_beyond_the_calendar_have_no_spans_but_a_weekday_text_keeps_them()
    {
        var office = OpeningHours.Parse(OfficeHours).Days(new DateOnly(2026, 12, 23), 3);
        var weekdays = OpeningHours.Parse("Mo-Fr 08:00-18:00").Days(new DateOnly(2026, 12, 23), 3);

        Assert.Equal(["2026-12-23 08:00-18:00", "2026-12-24 08:00-18:00", "2026-12-25 unknown"], office.Select(Describe));
        Assert.Equal(["2026-12-23 08:00-18:00", "2026-12-24 08:00-18:00", "2026-12-25 08:00-18:00"], weekdays.Select(Describe));
        Assert.False(weekdays[2].Calendar.IsKnown);
    }

    private static string Describe(HoursDay day)
    {
        var spans = day.Spans is null ? "unknown" : string.Join(",", day.Spans.Select(s => $"{s.Start:hh\\:mm}-{s.End:hh\\:mm}"));
        var flag = day.Calendar.Holiday ?? (day.Calendar.IsAdjustedWorkingDay ? "work" : "");
        return $"{day.Date:yyyy-MM-dd} {spans} {flag}".TrimEnd();
    }
}
