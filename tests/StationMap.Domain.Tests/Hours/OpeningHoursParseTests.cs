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
    };

    [Theory]
    [MemberData(nameof(Spans))]
    public void SpansOn_lists_the_rule_for_the_day_it_starts_on(string text, DayOfWeek day, string expected)
    {
        var spans = OpeningHours.Parse(text).SpansOn(day);

        Assert.Equal(expected, string.Join(",", spans.Select(s => $"{Format(s.Start)}-{Format(s.End)}")));
    }

    private static string Format(TimeSpan time) => time.Days > 0 ? $"{time.Days}.{time:hh\\:mm}" : $"{time:hh\\:mm}";
}
