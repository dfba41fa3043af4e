namespace StationMap.Domain.Hours;

/// <summary>What the public-holiday calendar says about one date.</summary>
/// <param name="IsKnown">
/// The calendar holds the notice for the date's year (and, late in December, for the next year too, whose New Year
/// arrangements can reach back into it); when false the other members are false and null.
/// </param>
/// <param name="Holiday">The holiday a day off belongs to (e.g. <c>national_day</c>), or null on any other day.</param>
/// <param name="IsAdjustedWorkingDay">A Saturday or Sunday the notice makes a working day (调休上班).</param>
public readonly record struct CalendarDay(bool IsKnown, string? Holiday, bool IsAdjustedWorkingDay)
{
    /// <summary>A public holiday (放假): one of the days off a notice lists, weekend days within the break included.</summary>
    public bool IsDayOff => Holiday is not null;
}
