namespace StationMap.Domain.Hours;

/// <summary>The clock opening hours are read in, and the calendar visits are counted by.</summary>
public static class ChinaStandardTime
{
    /// <summary>
    /// UTC+08:00. China has kept this offset without daylight saving since 1991, so a fixed offset is exact for any
    /// instant we evaluate and saves depending on the host's tz database.
    /// </summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The calendar day <paramref name="instant"/> falls on in China.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>The instant <paramref name="day"/> begins in China.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);

    /// <summary>0 for Monday through 6 for Sunday: OSM weeks, and our schedules, start on Monday.</summary>
    public static int DaysSinceMonday(DayOfWeek day) => ((int)day + 6) % 7;
}
