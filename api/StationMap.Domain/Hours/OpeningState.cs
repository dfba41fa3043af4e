using System.Globalization;

namespace StationMap.Domain.Hours;

/// <summary>Whether a place is open at an instant, and when that next changes.</summary>
/// <param name="IsOpen">Open at the instant evaluated.</param>
/// <param name="NextChange">
/// The first instant after the one evaluated at which <see cref="IsOpen"/> flips, at offset +08:00; null when it
/// never does (open 24/7, or never open).
/// </param>
public readonly record struct OpeningState(bool IsOpen, DateTimeOffset? NextChange)
{
    /// <summary>
    /// A short English phrase for the next change as seen at <paramref name="now"/>: "open 24/7", "closed",
    /// "closes at 18:00", "closes at midnight", "closes tomorrow at 02:00", "opens at 08:00",
    /// "opens tomorrow at 08:00", "opens Mon 08:00", or "opens next Mon 08:00" a week ahead.
    /// </summary>
    /// <param name="now">The instant the state was evaluated at; days are counted in China Standard Time.</param>
    public string Describe(DateTimeOffset now)
    {
        if (NextChange is not { } next)
        {
            return IsOpen ? "open 24/7" : "closed";
        }
        var verb = IsOpen ? "closes" : "opens";
        var localNext = ChinaStandardTime.ToLocal(next);
        var days = (localNext.Date - ChinaStandardTime.ToLocal(now).Date).Days;
        var time = localNext.ToString("HH:mm", CultureInfo.InvariantCulture);
        var weekday = localNext.ToString("ddd", CultureInfo.InvariantCulture);
        return days switch
        {
            <= 0 => $"{verb} at {time}",
            // A span ending at 24:00 ends today as people read it, not "tomorrow at 00:00".
            1 when localNext.TimeOfDay == TimeSpan.Zero => $"{verb} at midnight",
            1 => $"{verb} tomorrow at {time}",
            < 7 => $"{verb} {weekday} {time}",
            _ => $"{verb} next {weekday} {time}",
        };
    }
}
