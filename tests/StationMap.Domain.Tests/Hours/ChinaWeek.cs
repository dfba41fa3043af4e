using System.Globalization;

namespace StationMap.Domain.Tests.Hours;

/// <summary>
/// Instants in one fixed week, Monday 2 June 2025 to Sunday 8 June 2025, at +08:00, written as test cases read best:
/// "Fr 23:00", "Sa 05:59:59", or "next Mo 08:00" for the week after.
/// </summary>
internal static class ChinaWeek
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    private static readonly DateTimeOffset Monday = new(2025, 6, 2, 0, 0, 0, Offset);
    private static readonly string[] Days = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
    private static readonly string[] TimeFormats = [@"hh\:mm", @"hh\:mm\:ss"];

    public static DateTimeOffset At(string when)
    {
        var parts = when.Split(' ');
        var weeks = parts is ["next", _, _] ? 1 : 0;
        var day = Array.IndexOf(Days, parts[^2]);
        if (day < 0)
        {
            throw new ArgumentException($"no weekday in '{when}'", nameof(when));
        }
        var time = TimeSpan.ParseExact(parts[^1], TimeFormats, CultureInfo.InvariantCulture);
        return Monday.AddDays(weeks * 7 + day) + time;
    }
}
