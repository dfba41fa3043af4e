namespace StationMap.Domain.Hours;

/// <summary>The solar event a time is counted from, or none for a clock time.</summary>
internal enum SunEvent : byte
{
    None,
    Dawn,
    Sunrise,
    Sunset,
    Dusk,
}

/// <summary>A time of day as written: a clock time (minutes after midnight), or a solar event plus an offset in minutes.</summary>
internal readonly record struct TimePoint(SunEvent Sun, int Minutes);

/// <summary>
/// One time span of a rule as written. Fixed spans are resolved once; a span with a solar end is resolved per day and
/// place. An end at or before the start runs past midnight, as <c>22:00-06:00</c> does.
/// </summary>
internal readonly record struct SpanTemplate(TimePoint Start, TimePoint End)
{
    public bool IsFixed => Start.Sun == SunEvent.None && End.Sun == SunEvent.None;
}

/// <summary>
/// One <c>;</c>-separated rule: the weekdays (a bit per day, Monday in bit 0) and whether public holidays (<c>PH</c>)
/// are selected, and what applies on the days selected: <paramref name="Times"/>, or closed, or (null times, not
/// closed) the whole day.
/// </summary>
internal sealed record HoursRule(int Weekdays, bool PublicHolidays, SpanTemplate[]? Times, bool Closed)
{
    public bool Selects(int daysSinceMonday, bool publicHoliday) =>
        (Weekdays & (1 << daysSinceMonday)) != 0 || (publicHoliday && PublicHolidays);
}
