namespace StationMap.Domain.Tests.Hours;

// The other tests trust these instants to fall on the weekdays they name.
public class ChinaWeekTests
{
    [Theory]
    [InlineData("Mo 00:00", DayOfWeek.Monday)]
    [InlineData("Fr 23:00", DayOfWeek.Friday)]
    [InlineData("Su 23:59:59", DayOfWeek.Sunday)]
    [InlineData("next Mo 08:00", DayOfWeek.Monday)]
    public void At_falls_on_the_named_weekday_at_plus_eight(string when, DayOfWeek expected)
    {
        var instant = ChinaWeek.At(when);

        Assert.Equal(expected, instant.DayOfWeek);
        Assert.Equal(ChinaWeek.Offset, instant.Offset);
    }
}
