namespace StationMap.Domain.Hours;

/// <summary>
/// A weekly schedule reduced to the minutes at which it flips between open and closed, so that evaluating an
/// instant is one binary search with no allocation. Adjacent and overlapping spans (including a span that runs
/// past midnight into the next day's span, or past Sunday into Monday) leave no flip between them.
/// </summary>
internal sealed class WeekTimeline
{
    public const int MinutesPerWeek = 7 * MinuteSpan.MinutesPerDay;

    // Ascending minutes of the week (Monday 00:00 is 0) at which the state changes.
    private readonly int[] _flips;

    // The state in the last minute of the week, i.e. just before minute 0; every flip at or before a minute toggles it.
    private readonly bool _openBeforeWeek;

    private WeekTimeline(int[] flips, bool openBeforeWeek)
    {
        _flips = flips;
        _openBeforeWeek = openBeforeWeek;
    }

    /// <summary>Open at every minute of the week.</summary>
    public bool IsAlwaysOpen => _flips.Length == 0 && _openBeforeWeek;

    /// <param name="spansByDay">Per weekday, Monday first, the spans that start on that day.</param>
    public static WeekTimeline From(MinuteSpan[][] spansByDay)
    {
        // Marking each minute is crude but runs once per distinct text, and makes merging adjacent spans,
        // overlaps and the wrap from Sunday into Monday all fall out without special cases.
        var open = new bool[MinutesPerWeek];
        for (var day = 0; day < spansByDay.Length; day++)
        {
            var dayStart = day * MinuteSpan.MinutesPerDay;
            foreach (var span in spansByDay[day])
            {
                for (var minute = span.Start; minute < span.End; minute++)
                {
                    open[(dayStart + minute) % MinutesPerWeek] = true;
                }
            }
        }

        var flips = new List<int>();
        var previous = open[MinutesPerWeek - 1];
        for (var minute = 0; minute < MinutesPerWeek; minute++)
        {
            if (open[minute] != previous)
            {
                flips.Add(minute);
                previous = open[minute];
            }
        }
        return new WeekTimeline([.. flips], open[MinutesPerWeek - 1]);
    }

    /// <summary>Whether the schedule is open during <paramref name="minuteOfWeek"/>.</summary>
    /// <param name="minuteOfWeek">0 (Monday 00:00) to <see cref="MinutesPerWeek"/> - 1.</param>
    /// <param name="nextFlip">
    /// The next minute after <paramref name="minuteOfWeek"/> at which the state changes, counted from the same
    /// Monday (so it may be a week or more ahead), or null when the state never changes.
    /// </param>
    public bool IsOpenAt(int minuteOfWeek, out int? nextFlip)
    {
        var index = Array.BinarySearch(_flips, minuteOfWeek);
        var passed = index >= 0 ? index + 1 : ~index;
        nextFlip = _flips.Length == 0 ? null
            : passed < _flips.Length ? _flips[passed]
            : _flips[0] + MinutesPerWeek;
        return _openBeforeWeek ^ (passed % 2 == 1);
    }
}
