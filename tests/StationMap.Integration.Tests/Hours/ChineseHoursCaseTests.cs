using StationMap.Domain.Hours;
using StationMap.Import.Normalising.Hours;

namespace StationMap.Integration.Tests.Hours;

/// <summary>The shared table (tests/cases/hours-zh.json) read by the importer's converter and by the domain's evaluator.</summary>
public class ChineseHoursCaseTests
{
    public static IEnumerable<object[]> Conversions => ChineseHoursCases.Cases.Select(c => new object[] { c.Input, c.Osm });

    public static IEnumerable<object[]> Weeks => ChineseHoursCases.Cases.Select(c => new object[] { c.Osm, c.Week });

    public static IEnumerable<object[]> Rejections => ChineseHoursCases.Rejected.Select(c => new object[] { c.Input, c.Because });

    [Fact]
    public void The_table_has_at_least_forty_cases_each_with_a_week()
    {
        Assert.InRange(ChineseHoursCases.Cases.Count, 40, int.MaxValue);
        Assert.All(ChineseHoursCases.Cases, c => Assert.Equal(ChineseHoursCases.WeekDays, c.Week.Length));
    }

    [Theory]
    [MemberData(nameof(Conversions))]
    public void Chinese_hours_become_opening_hours(string input, string osm)
    {
        Assert.True(ChineseHours.TryConvert(input, out var converted, out var error), error);
        Assert.Equal(osm, converted);
    }

    [Theory]
    [MemberData(nameof(Weeks))]
    public void The_opening_hours_evaluate_to_the_week_of_the_table(string osm, string[] week)
    {
        var hours = OpeningHours.Parse(osm);

        var days = hours.Days(ChineseHoursCases.WeekFrom, ChineseHoursCases.WeekDays, ChineseHoursCases.Place);

        // The calendar's flags are part of a day only where the hours follow the calendar, as the API sends them.
        Assert.Equal(week, days.Select(d => ChineseHoursCases.Describe(
            d.Spans, hours.UsesCalendar ? d.Calendar.Holiday : null, hours.UsesCalendar && d.Calendar.IsAdjustedWorkingDay)));
    }

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Texts_that_are_not_hours_are_refused_with_the_reason(string input, string because)
    {
        Assert.False(ChineseHours.TryConvert(input, out _, out var error));
        Assert.Contains(because, error, StringComparison.Ordinal);
    }
}
