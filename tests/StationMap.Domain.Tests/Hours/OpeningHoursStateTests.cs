using StationMap.Domain.Hours;

namespace StationMap.Domain.Tests.Hours;

public class OpeningHoursStateTests
{
    [Theory]
    // 24/7
    [InlineData("24/7", "Mo 00:00", true)]
    [InlineData("24/7", "We 12:34", true)]
    [InlineData("24/7", "Su 23:59:59", true)]
    // no weekday selector: every day; start inclusive, end exclusive
    [InlineData("08:00-20:00", "Mo 07:59", false)]
    [InlineData("08:00-20:00", "Mo 08:00", true)]
    [InlineData("08:00-20:00", "Su 19:59", true)]
    [InlineData("08:00-20:00", "Sa 20:00", false)]
    [InlineData("08:00-20:00", "Mo 07:59:59", false)]
    [InlineData("08:00-20:00", "Mo 19:59:59", true)]
    // single weekday
    [InlineData("Mo 08:00-12:00", "Mo 10:00", true)]
    [InlineData("Mo 08:00-12:00", "Tu 10:00", false)]
    // weekday range
    [InlineData("Mo-Fr 08:00-18:00", "We 09:00", true)]
    [InlineData("Mo-Fr 08:00-18:00", "Fr 17:59", true)]
    [InlineData("Mo-Fr 08:00-18:00", "Sa 10:00", false)]
    [InlineData("Mo-Fr 08:00-18:00", "Su 10:00", false)]
    // wrapping weekday range: Fr, Sa, Su, Mo
    [InlineData("Fr-Mo 10:00-16:00", "Su 12:00", true)]
    [InlineData("Fr-Mo 10:00-16:00", "Mo 12:00", true)]
    [InlineData("Fr-Mo 10:00-16:00", "Tu 12:00", false)]
    [InlineData("Fr-Mo 10:00-16:00", "Th 12:00", false)]
    // weekday lists
    [InlineData("Sa,Su 09:00-17:00", "Sa 09:00", true)]
    [InlineData("Sa,Su 09:00-17:00", "Fr 10:00", false)]
    [InlineData("Mo,We-Fr 08:00-12:00", "Mo 09:00", true)]
    [InlineData("Mo,We-Fr 08:00-12:00", "Tu 09:00", false)]
    [InlineData("Mo,We-Fr 08:00-12:00", "Th 09:00", true)]
    // weekdays without times: the whole day
    [InlineData("Sa,Su", "Sa 03:00", true)]
    [InlineData("Sa,Su", "Mo 03:00", false)]
    // several spans
    [InlineData("08:00-12:00,13:00-18:00", "We 11:59", true)]
    [InlineData("08:00-12:00,13:00-18:00", "We 12:30", false)]
    [InlineData("08:00-12:00,13:00-18:00", "We 13:00", true)]
    // 24:00 as an end
    [InlineData("00:00-24:00", "Th 23:59", true)]
    [InlineData("Mo 18:00-24:00", "Mo 23:59", true)]
    [InlineData("Mo 18:00-24:00", "Tu 00:00", false)]
    // past midnight: the spill-over belongs to the day the span starts on
    [InlineData("Fr 22:00-06:00", "Fr 21:59", false)]
    [InlineData("Fr 22:00-06:00", "Fr 23:00", true)]
    [InlineData("Fr 22:00-06:00", "Sa 05:59", true)]
    [InlineData("Fr 22:00-06:00", "Sa 06:00", false)]
    [InlineData("Fr 22:00-06:00", "Fr 03:00", false)]
    [InlineData("Fr 22:00-06:00; Sa 10:00-12:00", "Sa 03:00", true)]
    [InlineData("Fr 22:00-06:00; Sa off", "Sa 03:00", true)]
    [InlineData("Fr 22:00-06:00; Fr off", "Sa 03:00", false)]
    [InlineData("Su 22:00-02:00", "Mo 01:00", true)]
    [InlineData("22:00-06:00", "We 03:00", true)]
    // extended end hours
    [InlineData("Mo 22:00-26:00", "Tu 01:00", true)]
    [InlineData("Mo 22:00-26:00", "Tu 02:00", false)]
    // off / closed / open
    [InlineData("Mo-Su 08:00-20:00; Su off", "Su 10:00", false)]
    [InlineData("Mo-Su 08:00-20:00; Su off", "Sa 10:00", true)]
    [InlineData("Mo-Fr 08:00-18:00; Sa,Su closed", "Sa 10:00", false)]
    [InlineData("off", "We 10:00", false)]
    [InlineData("closed", "We 10:00", false)]
    [InlineData("Mo-Fr 08:00-18:00 open", "Mo 09:00", true)]
    // later rules replace earlier ones for the days they select
    [InlineData("Mo-Fr 08:00-18:00; We 10:00-14:00", "We 09:00", false)]
    [InlineData("Mo-Fr 08:00-18:00; We 10:00-14:00", "We 11:00", true)]
    [InlineData("Mo-Fr 08:00-18:00; We 10:00-14:00", "We 15:00", false)]
    [InlineData("Mo-Fr 08:00-18:00; We 10:00-14:00", "Th 09:00", true)]
    [InlineData("Mo-Fr 08:00-18:00; 10:00-12:00", "Mo 09:00", false)]
    [InlineData("Su off; Mo-Su 08:00-20:00", "Su 10:00", true)]
    [InlineData("24/7; Su off", "Su 10:00", false)]
    [InlineData("24/7; Su off", "Mo 03:00", true)]
    // whitespace and leniency
    [InlineData("  Mo - Fr  08:00 - 18:00 ;  Sa  10:00-12:00 ; ", "Sa 11:00", true)]
    [InlineData("  Mo - Fr  08:00 - 18:00 ;  Sa  10:00-12:00 ; ", "Tu 12:00", true)]
    [InlineData("Mo-Fr 08:00-18:00;", "Sa 12:00", false)]
    [InlineData("Mo-Fr\u300008:00-18:00", "Mo 09:00", true)]
    [InlineData("Mo-Fr 8:00-18:00", "Mo 08:30", true)]
    public void StateAt_reads_the_rules(string text, string at, bool expectedOpen)
    {
        var hours = OpeningHours.Parse(text);

        Assert.Equal(expectedOpen, hours.StateAt(ChinaWeek.At(at))?.IsOpen);
    }

    public static TheoryData<string, DateTimeOffset, bool> OtherOffsets => new()
    {
        // 00:00Z on Monday 2 June is 08:00 in China
        { "Mo-Fr 08:00-18:00", new DateTimeOffset(2025, 6, 2, 0, 0, 0, TimeSpan.Zero), true },
        { "Mo-Fr 08:00-18:00", new DateTimeOffset(2025, 6, 1, 23, 59, 0, TimeSpan.Zero), false },
        { "Mo-Fr 08:00-18:00", new DateTimeOffset(2025, 6, 6, 9, 59, 0, TimeSpan.Zero), true },
        { "Mo-Fr 08:00-18:00", new DateTimeOffset(2025, 6, 6, 10, 0, 0, TimeSpan.Zero), false },
        // Sunday in UTC, already Monday 00:30 in China
        { "Mo 00:00-01:00", new DateTimeOffset(2025, 6, 1, 16, 30, 0, TimeSpan.Zero), true },
        { "Su 00:00-24:00", new DateTimeOffset(2025, 6, 1, 16, 30, 0, TimeSpan.Zero), false },
        // Friday 16:30 at -05:00 is Saturday 05:30 in China, inside Friday's spill-over
        { "Fr 22:00-06:00", new DateTimeOffset(2025, 6, 6, 16, 30, 0, TimeSpan.FromHours(-5)), true },
        { "Fr 22:00-06:00", new DateTimeOffset(2025, 6, 6, 14, 0, 0, TimeSpan.Zero), true },
        { "Fr 22:00-06:00", new DateTimeOffset(2025, 6, 6, 13, 59, 0, TimeSpan.Zero), false },
    };

    [Theory]
    [MemberData(nameof(OtherOffsets))]
    public void StateAt_reads_any_offset_in_China_Standard_Time(string text, DateTimeOffset instant, bool expectedOpen)
    {
        var hours = OpeningHours.Parse(text);

        Assert.Equal(expectedOpen, hours.StateAt(instant)?.IsOpen);
    }
}
