using StationMap.Domain.Hours;

namespace StationMap.Domain.Tests.Hours;

public class OpeningStateDescribeTests
{
    [Theory]
    [InlineData("Mo-Fr 08:00-18:00", "We 10:00", "closes at 18:00")]
    [InlineData("Mo-Fr 08:00-18:00", "We 07:00", "opens at 08:00")]
    [InlineData("Mo-Fr 08:00-18:00", "We 19:00", "opens tomorrow at 08:00")]
    [InlineData("Mo-Fr 08:00-18:00", "Sa 10:00", "opens Mon 08:00")]
    [InlineData("Fr 22:00-02:00", "Fr 23:00", "closes tomorrow at 02:00")]
    [InlineData("18:00-24:00", "Mo 20:00", "closes at midnight")]
    [InlineData("Fr 22:00-06:00; Sa,Su 00:00-24:00", "Fr 23:00", "closes Mon 00:00")]
    [InlineData("Mo 08:00-09:00", "Mo 10:00", "opens next Mon 08:00")]
    [InlineData("24/7", "Mo 10:00", "open 24/7")]
    [InlineData("off", "Mo 10:00", "closed")]
    public void Describe_names_the_next_change(string text, string at, string expected)
    {
        var now = ChinaWeek.At(at);

        Assert.Equal(expected, OpeningHours.Parse(text).StateAt(now)!.Value.Describe(now));
    }

    [Fact]
    public void Describe_counts_days_in_China_Standard_Time()
    {
        // Tuesday 17:00 UTC is Wednesday 01:00 in China: the 08:00 opening is today there, though tomorrow in UTC.
        var now = new DateTimeOffset(2025, 6, 3, 17, 0, 0, TimeSpan.Zero);

        Assert.Equal("opens at 08:00", OpeningHours.Parse("Mo-Fr 08:00-18:00").StateAt(now)!.Value.Describe(now));
    }
}
