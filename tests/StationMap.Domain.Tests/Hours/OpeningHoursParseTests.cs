using StationMap.Domain.Hours;

namespace StationMap.Domain.Tests.Hours;

public class OpeningHoursParseTests
{
    [Fact]
    public void Parse_keeps_the_text()
    {
        const string text = " Mo-Fr 08:00-18:00; Su off ";

        Assert.Equal(text, OpeningHours.Parse(text).Text);
    }

    [Theory]
    [InlineData("24/7", true)]
    [InlineData("00:00-24:00", true)]
    [InlineData("Mo-Su 00:00-24:00", true)]
    [InlineData("Mo-Su 12:00-36:00", true)]
    [InlineData("Mo-Fr 00:00-24:00", false)]
    [InlineData("24/7; Su off", false)]
    [InlineData("off", false)]
    public void IsAlwaysOpen_means_open_every_minute(string text, bool expected)
    {
        Assert.Equal(expected, OpeningHours.Parse(text).IsAlwaysOpen);
    }

    public static TheoryData<string, DayOfWeek, string> Spans => new()
    {
        { "Mo-Fr 08:00-12:00,13:00-18:00; Fr 22:00-06:00", DayOfWeek.Monday, "08:00-12:00,13:00-18:00" },
        { "Mo-Fr 08:00-12:00,13:00-18:00; Fr 22:00-06:00", DayOfWeek.Friday, "22:00-1.06:00" },
        { "Mo-Fr 08:00-12:00,13:00-18:00; Fr 22:00-06:00", DayOfWeek.Saturday, "" },
        { "Mo-Su 08:00-20:00; Su off", DayOfWeek.Sunday, "" },
        { "Sa 22:00-26:00", DayOfWeek.Saturday, "22:00-1.02:00" },
        { "24/7", DayOfWeek.Wednesday, "00:00-1.00:00" },
        { "Mo-Fr 09:00-17:00; PH off", DayOfWeek.Monday, "09:00-17:00" },
        { "PH off; Mo-Fr 09:00-17:00", DayOfWeek.Monday, "09:00-17:00" },
    };

    // Days of 9-15 June 2025, an ordinary week: no public holiday, no make-up day.
    [Theory]
    [MemberData(nameof(Spans))]
    public void Days_list_the_rule_for_the_day_it_starts_on(string text, DayOfWeek day, string expected)
    {
        var date = new DateOnly(2025, 6, 9).AddDays(((int)day + 6) % 7);

        var hoursDay = Assert.Single(OpeningHours.Parse(text).Days(date, 1));

        Assert.Equal(date, hoursDay.Date);
        Assert.Equal(new CalendarDay(true, null, false), hoursDay.Calendar);
        Assert.Equal(expected, string.Join(",", hoursDay.Spans!.Select(s => $"{Format(s.Start)}-{Format(s.End)}")));
    }

    [Theory]
    [InlineData("24/7", false, false)]
    [InlineData("Mo-Fr 09:00-17:00", false, false)]
    [InlineData("Mo-Fr 09:00-17:00; PH off", true, false)]
    [InlineData("Sa,PH 10:00-14:00", true, false)]
    [InlineData("sunrise-sunset", false, true)]
    [InlineData("Mo-Fr 08:00-(sunset-01:00); PH off", true, true)]
    public void Parse_tells_what_the_hours_depend_on(string text, bool calendar, bool sun)
    {
        var hours = OpeningHours.Parse(text);

        Assert.Equal((calendar, sun), (hours.UsesCalendar, hours.UsesSun));
    }

    private static string Format(TimeSpan time) => time.Days > 0 ? $"{time.Days}.{time:hh\\:mm}" : $"{time:hh\\:mm}";
}
