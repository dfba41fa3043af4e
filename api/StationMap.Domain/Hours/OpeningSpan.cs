namespace StationMap.Domain.Hours;

/// <summary>
/// One open span of a weekday's rule, as written: <see cref="End"/> is past 24 hours when the span runs past midnight
/// (<c>22:00-06:00</c> gives 22:00 to 30:00), because the spill-over belongs to the day the span starts on.
/// </summary>
/// <param name="Start">Time of day the span opens, 00:00 to 23:59.</param>
/// <param name="End">Time after the start of the day the span closes, exclusive; at most 48:00.</param>
public readonly record struct OpeningSpan(TimeSpan Start, TimeSpan End);
