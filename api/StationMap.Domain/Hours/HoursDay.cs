namespace StationMap.Domain.Hours;

/// <summary>One day of a station's hours: the spans that start on it, and what the public-holiday calendar says of it.</summary>
/// <param name="Date">The day, in China Standard Time.</param>
/// <param name="Spans">
/// The open spans in order (see <see cref="OpeningSpan"/>; an end past 24 hours runs into the next day); empty when
/// closed all day, null when the day cannot be known (see <see cref="OpeningHours.StateAt"/>).
/// </param>
/// <param name="Calendar">The day's entry in the calendar, whether or not the hours depend on it.</param>
public sealed record HoursDay(DateOnly Date, IReadOnlyList<OpeningSpan>? Spans, CalendarDay Calendar);
