using StationMap.Domain.Geo;

namespace StationMap.Domain.Hours;

/// <summary>
/// The rules of a text applied once per kind of day: each weekday as an ordinary day and as a public holiday, and an
/// adjusted working day. What a date gets is then one calendar lookup and, for solar times, one sun computation.
/// </summary>
/// <remarks>
/// A text that selects <c>PH</c> follows the official calendar, and the official calendar has two sides: its days off,
/// and the weekend days it makes working days (调休上班). Such a day takes the hours the text gives Monday to Friday;
/// when those differ from weekday to weekday no rule says which applies, and the day is unknown. A text without
/// <c>PH</c> is read by weekday alone, as OpenStreetMap reads it.
/// </remarks>
internal sealed class WeekSchedule
{
    private const int Weekdays = 7;
    private static readonly SpanTemplate[] WholeDay =
        [new(new TimePoint(SunEvent.None, 0), new TimePoint(SunEvent.None, MinuteSpan.MinutesPerDay))];

    private readonly DaySpans[] _ordinary;
    private readonly DaySpans[] _holiday;
    private readonly DaySpans? _working;
    private readonly PublicHolidayCalendar _calendar;

    private WeekSchedule(DaySpans[] ordinary, DaySpans[] holiday, DaySpans? working, bool usesCalendar, PublicHolidayCalendar calendar)
    {
        _ordinary = ordinary;
        _holiday = holiday;
        _working = working;
        _calendar = calendar;
        UsesCalendar = usesCalendar;
        var all = ordinary.Concat(holiday).Append(working).OfType<DaySpans>().ToArray();
        UsesSun = all.Any(d => d.Fixed is null);
        MayRunPastMidnight = all.Any(d => d.MayRunPastMidnight);
    }

    /// <summary>Some rule selects public holidays: days depend on the calendar, and are unknown where it is.</summary>
    public bool UsesCalendar { get; }

    /// <summary>Some time is a solar event: days depend on the place.</summary>
    public bool UsesSun { get; }

    /// <summary>Some span may end after midnight, so a day's state may depend on the day before.</summary>
    public bool MayRunPastMidnight { get; }

    public static WeekSchedule From(HoursRule[] rules, PublicHolidayCalendar calendar)
    {
        var usesCalendar = rules.Any(r => r.PublicHolidays);
        var ordinary = new DaySpans[Weekdays];
        var holiday = new DaySpans[Weekdays];
        for (var day = 0; day < Weekdays; day++)
        {
            ordinary[day] = new DaySpans(Apply(rules, day, publicHoliday: false));
            holiday[day] = usesCalendar ? new DaySpans(Apply(rules, day, publicHoliday: true)) : ordinary[day];
        }
        var monday = ordinary[0].Templates;
        var working = ordinary.Take(5).All(d => d.Templates.SequenceEqual(monday)) ? ordinary[0] : null;
        return new WeekSchedule(ordinary, holiday, working, usesCalendar, calendar);
    }

    /// <summary>The weekday spans as fixed minutes, Monday first: only when neither the calendar nor the sun matters.</summary>
    public MinuteSpan[][]? FixedWeek => UsesCalendar || UsesSun ? null : Array.ConvertAll(_ordinary, d => d.Fixed!);

    public CalendarDay CalendarDayOf(DateOnly date) => _calendar.DayOf(date);

    /// <summary>
    /// The spans that start on <paramref name="date"/>, or null when they cannot be known: the calendar does not cover
    /// a date the text needs it for, an adjusted working day the text's weekdays disagree on, or solar times without a place.
    /// </summary>
    public MinuteSpan[]? SpansOn(DateOnly date, LatLon? where)
    {
        var weekday = ChinaStandardTime.DaysSinceMonday(date.DayOfWeek);
        var spans = _ordinary[weekday];
        if (UsesCalendar)
        {
            var day = _calendar.DayOf(date);
            if (!day.IsKnown)
            {
                return null;
            }
            if (day.IsDayOff)
            {
                spans = _holiday[weekday];
            }
            else if (day.IsAdjustedWorkingDay)
            {
                if (_working is null)
                {
                    return null;
                }
                spans = _working;
            }
        }
        if (spans.Fixed is { } fixedSpans)
        {
            return fixedSpans;
        }
        return where is { } place ? spans.Resolve(date, place) : null;
    }

    // Later rules replace what earlier ones said about the days they select.
    private static SpanTemplate[] Apply(HoursRule[] rules, int weekday, bool publicHoliday)
    {
        SpanTemplate[] spans = [];
        foreach (var rule in rules)
        {
            if (rule.Selects(weekday, publicHoliday))
            {
                spans = rule.Closed ? [] : rule.Times ?? WholeDay;
            }
        }
        return spans;
    }

    /// <summary>One kind of day's spans as written, and as minutes when no solar time is involved.</summary>
    private sealed class DaySpans
    {
        public DaySpans(SpanTemplate[] templates)
        {
            Templates = templates;
            if (templates.All(t => t.IsFixed))
            {
                Fixed = Array.ConvertAll(templates, t => Span(t.Start.Minutes, t.End.Minutes));
                MayRunPastMidnight = Fixed.Any(s => s.End > MinuteSpan.MinutesPerDay);
                return;
            }
            NeedsSun = templates.Any(t => t.Start.Sun is SunEvent.Sunrise or SunEvent.Sunset || t.End.Sun is SunEvent.Sunrise or SunEvent.Sunset);
            NeedsTwilight = templates.Any(t => t.Start.Sun is SunEvent.Dawn or SunEvent.Dusk || t.End.Sun is SunEvent.Dawn or SunEvent.Dusk);
            MayRunPastMidnight = !templates.All(StaysWithinTheDay);
        }

        public bool NeedsSun { get; }

        public bool NeedsTwilight { get; }

        public SpanTemplate[] Templates { get; }

        public MinuteSpan[]? Fixed { get; }

        public bool MayRunPastMidnight { get; }

        public MinuteSpan[] Resolve(DateOnly date, LatLon where) => Resolve(SolarTimes.On(date, where, NeedsSun, NeedsTwilight));

        // Across China (one clock from 73°E to 135°E, 18°N to 54°N) morning events fall between about 04:00 and
        // 10:00 and evening ones between 15:30 and 22:30 Beijing time. A span from a morning event (or a morning clock
        // time) to an evening one (or an afternoon clock time) with modest offsets therefore ends the day it starts,
        // and the day before need not be looked at. Anything else, such as sunset-sunrise, may run past midnight.
        private static bool StaysWithinTheDay(SpanTemplate t)
        {
            var morningStart = t.Start.Sun switch
            {
                SunEvent.None => t.Start.Minutes <= 12 * 60,
                SunEvent.Dawn or SunEvent.Sunrise => Math.Abs(t.Start.Minutes) <= 3 * 60,
                _ => false,
            };
            var eveningEnd = t.End.Sun switch
            {
                SunEvent.None => t.End.Minutes is >= 14 * 60 and <= MinuteSpan.MinutesPerDay,
                SunEvent.Sunset or SunEvent.Dusk => t.End.Minutes is >= -3 * 60 and <= 60,
                _ => false,
            };
            return morningStart && eveningEnd;
        }

        // A span needing an event the sun does not reach that day (polar night or day) is left out.
        private MinuteSpan[] Resolve(SolarTimes sun)
        {
            var spans = new List<MinuteSpan>(Templates.Length);
            foreach (var t in Templates)
            {
                if (Minutes(t.Start, sun) is { } start && Minutes(t.End, sun) is { } end)
                {
                    spans.Add(Span(Math.Clamp(start, 0, MinuteSpan.MinutesPerDay - 1), end));
                }
            }
            return [.. spans];
        }

        // An end at or before the start runs past midnight (22:00-06:00); ends past 24:00 (22:00-26:00) already say so.
        private static MinuteSpan Span(int start, int end) =>
            new(start, Math.Min(end <= start ? end + MinuteSpan.MinutesPerDay : end, 2 * MinuteSpan.MinutesPerDay));

        private static int? Minutes(TimePoint point, SolarTimes sun)
        {
            var at = point.Sun switch
            {
                SunEvent.None => 0,
                SunEvent.Dawn => sun.Dawn,
                SunEvent.Sunrise => sun.Sunrise,
                SunEvent.Sunset => sun.Sunset,
                _ => sun.Dusk,
            };
            return at + point.Minutes;
        }
    }
}
