using StationMap.Domain.Hours;

namespace StationMap.Domain.Tests.Hours;

public class OpeningHoursNextChangeTests
{
    [Theory]
    [InlineData("Mo-Fr 08:00-18:00", "We 10:00", "We 18:00")]
    [InlineData("Mo-Fr 08:00-18:00", "We 07:00", "We 08:00")]
    [InlineData("Mo-Fr 08:00-18:00", "Mo 07:59:30", "Mo 08:00")]
    [InlineData("Mo-Fr 08:00-18:00", "We 18:00", "Th 08:00")]
    [InlineData("Mo-Fr 08:00-18:00", "Fr 18:30", "next Mo 08:00")]
    [InlineData("Mo-Fr 08:00-18:00", "Sa 10:00", "next Mo 08:00")]
    [InlineData("Mo 08:00-09:00", "Mo 08:00", "Mo 09:00")]
    [InlineData("Mo 08:00-09:00", "Mo 10:00", "next Mo 08:00")]
    // adjacent and overlapping spans merge, so no no-op change at 12:00 or midnight
    [InlineData("08:00-12:00,12:00-18:00", "Mo 09:00", "Mo 18:00")]
    [InlineData("08:00-12:00,11:00-18:00", "Mo 09:00", "Mo 18:00")]
    [InlineData("Mo 22:00-24:00; Tu 00:00-06:00", "Mo 23:00", "Tu 06:00")]
    [InlineData("Mo-Fr 00:00-24:00", "Tu 12:00", "Sa 00:00")]
    // past midnight, including past the end of the week
    [InlineData("Fr 22:00-06:00", "Fr 23:00", "Sa 06:00")]
    [InlineData("Fr 22:00-06:00", "Sa 06:00", "next Fr 22:00")]
    [InlineData("Su 22:00-06:00", "Su 23:00", "next Mo 06:00")]
    [InlineData("Su 22:00-06:00", "Mo 03:00", "Mo 06:00")]
    [InlineData("22:00-06:00", "Tu 03:00", "Tu 06:00")]
    [InlineData("Mo 22:00-26:00", "Mo 23:00", "Tu 02:00")]
    public void NextChange_is_the_next_real_flip(string text, string at, string expected)
    {
        var state = OpeningHours.Parse(text).StateAt(ChinaWeek.At(at))!.Value;

        Assert.Equal(ChinaWeek.At(expected), state.NextChange);
        Assert.Equal(ChinaWeek.Offset, state.NextChange!.Value.Offset);
    }

    [Theory]
    [InlineData("24/7", true)]
    [InlineData("00:00-24:00", true)]
    [InlineData("Mo-Su 00:00-24:00", true)]
    [InlineData("Mo-Su 12:00-36:00", true)]
    [InlineData("Mo-Fr 00:00-24:00; Sa,Su 00:00-24:00", true)]
    [InlineData("off", false)]
    [InlineData("Mo-Fr 08:00-18:00; Mo-Su off", false)]
    public void NextChange_is_null_when_the_state_never_changes(string text, bool expectedOpen)
    {
        var state = OpeningHours.Parse(text).StateAt(ChinaWeek.At("We 10:00"))!.Value;

        Assert.Equal(new OpeningState(expectedOpen, null), state);
    }

    [Fact]
    public void NextChange_is_at_plus_eight_for_an_instant_in_UTC()
    {
        // We 10:00 in China
        var state = OpeningHours.Parse("Mo-Fr 08:00-18:00").StateAt(new DateTimeOffset(2025, 6, 4, 2, 0, 0, TimeSpan.Zero))!.Value;

        Assert.Equal(new DateTimeOffset(2025, 6, 4, 18, 0, 0, ChinaWeek.Offset), state.NextChange);
        Assert.Equal(ChinaWeek.Offset, state.NextChange!.Value.Offset);
    }

    public static TheoryData<string> Schedules => new()
    {
        "Mo-Fr 08:00-18:00",
        "08:00-12:00,12:00-18:00; Sa 09:00-10:00",
        "Fr 22:00-06:00; Sa off; Su 23:00-26:00",
        "Mo 22:00-24:00; Tu 00:00-06:00; We-Su 07:30-07:31",
        "24/7; Su off",
    };

    // Walks every minute of two weeks and checks each NextChange against when the state really flips next.
    [Theory]
    [MemberData(nameof(Schedules))]
    public void NextChange_agrees_with_the_state_minute_by_minute(string text)
    {
        MinuteWalk.AssertNextChangesAgree(OpeningHours.Parse(text), ChinaWeek.At("Mo 00:00"), days: 14, checkedDays: 7);
    }
}
