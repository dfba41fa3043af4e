using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;

namespace StationMap.Domain.Hours;

/// <summary>
/// A parsed OSM <c>opening_hours</c> value, limited to weekdays, times, <c>24/7</c> and <c>off</c>, evaluated in
/// China Standard Time. Parse once and keep the instance: evaluating it does not allocate.
/// </summary>
public sealed class OpeningHours
{
    private readonly WeekTimeline _timeline;
    private readonly ReadOnlyCollection<OpeningSpan>[] _spansByDay;

    private OpeningHours(string text, MinuteSpan[][] spansByDay)
    {
        Text = text;
        _timeline = WeekTimeline.From(spansByDay);
        _spansByDay = Array.ConvertAll(spansByDay, spans => Array.AsReadOnly(Array.ConvertAll(spans, span => span.ToOpeningSpan())));
    }

    /// <summary>The text as given to <see cref="Parse"/>.</summary>
    public string Text { get; }

    /// <summary>Open at every instant, as <c>24/7</c> or <c>Mo-Su 00:00-24:00</c> say.</summary>
    public bool IsAlwaysOpen => _timeline.IsAlwaysOpen;

    /// <summary>Parses an <c>opening_hours</c> text.</summary>
    /// <exception cref="OpeningHoursSyntaxException">The text is malformed or uses syntax outside the supported subset.</exception>
    public static OpeningHours Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new OpeningHours(text, OpeningHoursParser.Parse(text));
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

    /// <summary>Whether the place is open at <paramref name="instant"/> and when that next changes.</summary>
    /// <param name="instant">Any offset; it is read in China Standard Time (UTC+08:00).</param>
    public OpeningState StateAt(DateTimeOffset instant)
    {
        var local = ChinaStandardTime.ToLocal(instant);
        var minuteOfWeek = ChinaStandardTime.DaysSinceMonday(local.DayOfWeek) * MinuteSpan.MinutesPerDay
            + local.Hour * 60 + local.Minute;
        var isOpen = _timeline.IsOpenAt(minuteOfWeek, out var nextFlip);
        if (nextFlip is not { } flip)
        {
            return new OpeningState(isOpen, null);
        }
        // Spans start on whole minutes, so the flip is a whole number of minutes after the start of this minute.
        var minuteStart = local.AddTicks(-(local.Ticks % TimeSpan.TicksPerMinute));
        return new OpeningState(isOpen, minuteStart + TimeSpan.FromMinutes(flip - minuteOfWeek));
    }

    /// <summary>
    /// The spans of the rule that applies to <paramref name="day"/>, in order, e.g. for display. A span that runs
    /// past midnight is listed on the day it starts, with an end past 24 hours.
    /// </summary>
    public IReadOnlyList<OpeningSpan> SpansOn(DayOfWeek day) => _spansByDay[ChinaStandardTime.DaysSinceMonday(day)];
}
