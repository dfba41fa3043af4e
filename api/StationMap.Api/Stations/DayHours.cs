using StationMap.Domain.Geo;
using StationMap.Domain.Hours;

namespace StationMap.Api.Stations;

/// <summary>
/// One day of a station's hours as the API evaluates them, in China Standard Time, so that a client only shows them
/// (the map client keeps no parser of its own that could read the hours differently).
/// </summary>
/// <param name="Date">The day (China Standard Time).</param>
/// <param name="Spans">The spans that open on this day, in order; empty when closed all day; null when the day cannot be known (a year the holiday calendar does not cover, for hours that follow it).</param>
/// <param name="PublicHoliday">The public holiday the day is (e.g. <c>national_day</c>, <c>spring_festival</c>), when the hours follow the holiday calendar (a rule selects <c>PH</c>); else null.</param>
/// <param name="AdjustedWorkingDay">A weekend day made a working day (调休上班), when the hours follow the holiday calendar.</param>
public sealed record DayHours(DateOnly Date, IReadOnlyList<OpenSpan>? Spans, string? PublicHoliday, bool AdjustedWorkingDay)
{
    /// <summary>How many days from today the station detail lists.</summary>
    public const int WeekDays = 7;

    /// <summary>The days from <paramref name="now"/>'s date (China Standard Time) on.</summary>
    public static IReadOnlyList<DayHours> Week(OpeningHours hours, DateTimeOffset now, LatLon place)
    {
        return [.. hours.Days(ChinaStandardTime.DateOf(now), WeekDays, place).Select(d => new DayHours(
            d.Date,
            d.Spans?.Select(OpenSpan.Of).ToArray(),
            hours.UsesCalendar ? d.Calendar.Holiday : null,
            hours.UsesCalendar && d.Calendar.IsAdjustedWorkingDay))];
    }
}

/// <summary>An open span: <see cref="Start"/> "08:00" to <see cref="End"/> "17:00"; an end past "24:00" ("26:00") runs into the next day.</summary>
public sealed record OpenSpan(string Start, string End)
{
    public static OpenSpan Of(OpeningSpan span) => new(Clock(span.Start), Clock(span.End));

    private static string Clock(TimeSpan time) => $"{(int)time.TotalHours:00}:{time.Minutes:00}";
}
