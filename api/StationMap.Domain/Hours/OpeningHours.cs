using System.Diagnostics.CodeAnalysis;
using StationMap.Domain.Geo;

namespace StationMap.Domain.Hours;

/// <summary>
/// A parsed OSM <c>opening_hours</c> value, limited to weekdays, public holidays (<c>PH</c>, read against
/// <see cref="PublicHolidayCalendar"/>), clock and solar times, <c>24/7</c> and <c>off</c>, evaluated in China Standard
/// Time. Parse once and keep the instance: a text that needs neither the calendar nor the sun evaluates without
/// allocating, one that does with a calendar lookup (and a sun computation) per day.
/// </summary>
public sealed class OpeningHours
{
    /// <summary>How far ahead the next change is looked for: two weeks cover the longest break (Spring Festival).</summary>
    public const int NextChangeHorizonDays = 14;

    private readonly WeekSchedule _schedule;
    private readonly WeekTimeline? _timeline;

    private OpeningHours(string text, WeekSchedule schedule)
    {
        Text = text;
        _schedule = schedule;
        _timeline = schedule.FixedWeek is { } week ? WeekTimeline.From(week) : null;
    }

    /// <summary>The text as given to <see cref="Parse"/>.</summary>
    public string Text { get; }

    /// <summary>Open at every instant, as <c>24/7</c> or <c>Mo-Su 00:00-24:00</c> say.</summary>
    public bool IsAlwaysOpen => _timeline?.IsAlwaysOpen ?? false;

    /// <summary>Some rule selects public holidays, so the answer depends on the calendar (and is unknown where it is).</summary>
    public bool UsesCalendar => _schedule.UsesCalendar;

    /// <summary>Some time is sunrise, sunset, dawn or dusk, so the answer depends on the place.</summary>
    public bool UsesSun => _schedule.UsesSun;

    /// <summary>Parses an <c>opening_hours</c> text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="calendar">The public holidays <c>PH</c> means; mainland China's when not given.</param>
    /// <exception cref="OpeningHoursSyntaxException">The text is malformed or uses syntax outside the supported subset.</exception>
    public static OpeningHours Parse(string text, PublicHolidayCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new OpeningHours(text, WeekSchedule.From(OpeningHoursParser.Parse(text), calendar ?? PublicHolidayCalendar.China));
    }

    /// <summary>Parses an <c>opening_hours</c> text without throwing.</summary>
    /// <param name="text">The text; null reads as empty.</param>
    /// <param name="hours">The parsed hours, or null when the text does not parse.</param>
    /// <param name="error">Why the text does not parse, or null when it does.</param>
    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out OpeningHours? hours,
        [NotNullWhen(false)] out OpeningHoursSyntaxException? error)
    {
        hours = null;
        error = null;
        try
        {
            hours = Parse(text ?? "");
            return true;
        }
        catch (OpeningHoursSyntaxException e)
        {
            error = e;
            return false;
        }
    }

    /// <summary>
    /// Whether the place is open at <paramref name="instant"/> and when that next changes; null when that cannot be
    /// known: the calendar does not cover the day and the text selects public holidays, or the text has solar times and
    /// no place is given.
    /// </summary>
    /// <param name="instant">Any offset; it is read in China Standard Time (UTC+08:00).</param>
    /// <param name="where">The place, for sunrise and sunset.</param>
    public OpeningState? StateAt(DateTimeOffset instant, LatLon? where = null)
    {
        var local = ChinaStandardTime.ToLocal(instant);
        if (_timeline is not null)
        {
            return WeeklyStateAt(local);
        }
        var date = DateOnly.FromDateTime(local.DateTime);
        var minute = local.Hour * 60 + local.Minute;
        if (OpenAt(date, minute, where) is not { } open)
        {
            return null;
        }
        // Spans start on whole minutes, so the change is a whole number of minutes after the start of this minute.
        var minuteStart = local.AddTicks(-(local.Ticks % TimeSpan.TicksPerMinute));
        return NextChange(date, minute, open, where) is { } change
            ? new OpeningState(open, minuteStart + TimeSpan.FromMinutes(change - minute))
            : new OpeningState(open, null);
    }

    /// <summary>Whether the place is open at <paramref name="instant"/>, without looking for the next change: for filters.</summary>
    /// <returns>Null when it cannot be known (see <see cref="StateAt"/>).</returns>
    public bool? IsOpenAt(DateTimeOffset instant, LatLon? where = null)
    {
        var local = ChinaStandardTime.ToLocal(instant);
        if (_timeline is not null)
        {
            return _timeline.IsOpenAt(MinuteOfWeek(local), out _);
        }
        return OpenAt(DateOnly.FromDateTime(local.DateTime), local.Hour * 60 + local.Minute, where);
    }

    /// <summary>
    /// The spans of <paramref name="count"/> days from <paramref name="first"/>, with what the calendar says of each
    /// day, e.g. for display. A span that runs past midnight is listed on the day it starts, with an end past 24 hours.
    /// </summary>
    /// <param name="where">The place, for sunrise and sunset.</param>
    public IReadOnlyList<HoursDay> Days(DateOnly first, int count, LatLon? where = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var days = new HoursDay[count];
        for (var i = 0; i < count; i++)
        {
            var date = first.AddDays(i);
            var spans = _schedule.SpansOn(date, where);
            days[i] = new HoursDay(date, spans is null ? null : Array.ConvertAll(spans, s => s.ToOpeningSpan()), _schedule.CalendarDayOf(date));
        }
        return days;
    }

    private OpeningState WeeklyStateAt(DateTimeOffset local)
    {
        var minuteOfWeek = MinuteOfWeek(local);
        var isOpen = _timeline!.IsOpenAt(minuteOfWeek, out var nextFlip);
        if (nextFlip is not { } flip)
        {
            return new OpeningState(isOpen, null);
        }
        var minuteStart = local.AddTicks(-(local.Ticks % TimeSpan.TicksPerMinute));
        return new OpeningState(isOpen, minuteStart + TimeSpan.FromMinutes(flip - minuteOfWeek));
    }

    private static int MinuteOfWeek(DateTimeOffset local) =>
        ChinaStandardTime.DaysSinceMonday(local.DayOfWeek) * MinuteSpan.MinutesPerDay + local.Hour * 60 + local.Minute;

    // Open during minute (of date), counting the spill-over of the day before; null when a day needed is unknown.
    private bool? OpenAt(DateOnly date, int minute, LatLon? where)
    {
        if (_schedule.SpansOn(date, where) is not { } today)
        {
            return null;
        }
        if (Covers(today, minute))
        {
            return true;
        }
        if (!_schedule.MayRunPastMidnight)
        {
            return false;
        }
        return _schedule.SpansOn(date.AddDays(-1), where) is { } yesterday ? Covers(yesterday, minute + MinuteSpan.MinutesPerDay) : null;
    }

    // The first minute after minute (counted from date's midnight) at which the state differs from open, within the
    // horizon; null when there is none, or a day on the way is unknown.
    private int? NextChange(DateOnly date, int minute, bool open, LatLon? where)
    {
        var previous = _schedule.MayRunPastMidnight ? _schedule.SpansOn(date.AddDays(-1), where) : [];
        if (previous is null)
        {
            return null;
        }
        var boundaries = new List<int>();
        for (var k = 0; k < NextChangeHorizonDays; k++)
        {
            if (_schedule.SpansOn(date.AddDays(k), where) is not { } current)
            {
                return null;
            }
            // The state within day k depends on day k's spans and day k-1's spill-over only.
            var dayStart = k * MinuteSpan.MinutesPerDay;
            var dayEnd = dayStart + MinuteSpan.MinutesPerDay;
            boundaries.Clear();
            boundaries.Add(dayStart);
            foreach (var s in previous)
            {
                boundaries.Add(s.End - MinuteSpan.MinutesPerDay + dayStart);
            }
            foreach (var s in current)
            {
                boundaries.Add(s.Start + dayStart);
                boundaries.Add(s.End + dayStart);
            }
            boundaries.Sort();
            foreach (var b in boundaries)
            {
                if (b <= minute || b < dayStart || b >= dayEnd)
                {
                    continue;
                }
                var local = b - dayStart;
                if ((Covers(current, local) || Covers(previous, local + MinuteSpan.MinutesPerDay)) != open)
                {
                    return b;
                }
            }
            previous = current;
        }
        return null;
    }

    private static bool Covers(MinuteSpan[] spans, int minute)
    {
        foreach (var s in spans)
        {
            if (minute >= s.Start && minute < s.End)
            {
                return true;
            }
        }
        return false;
    }
}
