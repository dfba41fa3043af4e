using System.Text.Json;
using StationMap.Domain.Geo;
using StationMap.Domain.Hours;

namespace StationMap.Integration.Tests.Hours;

/// <summary>
/// tests/cases/hours-zh.json, the one table of Chinese hours that these tests and the map client's (vitest) read:
/// each input, the opening_hours text it becomes, the week it evaluates to, and the words the client shows for it.
/// </summary>
public static class ChineseHoursCases
{
    private static readonly JsonElement Root = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Cases", "hours-zh.json"))).RootElement;

    /// <summary>The first day of the week the table's spans are for (Saturday 19 September 2026).</summary>
    public static DateOnly WeekFrom { get; } = DateOnly.Parse(Root.GetProperty("week").GetProperty("from").GetString()!);

    public static int WeekDays { get; } = Root.GetProperty("week").GetProperty("days").GetInt32();

    /// <summary>Where the week is evaluated (Beijing): it matters only for solar times.</summary>
    public static LatLon Place { get; } = new(Root.GetProperty("week").GetProperty("lat").GetDouble(), Root.GetProperty("week").GetProperty("lon").GetDouble());

    public static IReadOnlyList<(string Input, string Osm, string[] Week)> Cases { get; } =
        [.. Root.GetProperty("cases").EnumerateArray().Select(c => (
            c.GetProperty("input").GetString()!,
            c.GetProperty("osm").GetString()!,
            c.GetProperty("week").EnumerateArray().Select(d => d.GetString()!).ToArray()))];

    public static IReadOnlyList<(string Input, string Because)> Rejected { get; } =
        [.. Root.GetProperty("rejected").EnumerateArray().Select(c => (c.GetProperty("input").GetString()!, c.GetProperty("because").GetString()!))];

    /// <summary>A day as the table writes it: "off", "09:00-17:00", "09:00-12:00,14:00-17:30", "unknown", then "work" or the holiday when the hours follow the calendar.</summary>
    public static string Describe(IReadOnlyList<OpeningSpan>? spans, string? holiday, bool adjustedWorkingDay)
    {
        var text = spans is null ? "unknown"
            : spans.Count == 0 ? "off"
            : string.Join(",", spans.Select(s => $"{Clock(s.Start)}-{Clock(s.End)}"));
        var flag = holiday ?? (adjustedWorkingDay ? "work" : null);
        return flag is null ? text : $"{text} {flag}";
    }

    // Hours past 24 as OpenStreetMap's extended times write them (26:00), so a span into the next day reads as one.
    private static string Clock(TimeSpan time) => $"{(int)time.TotalHours:00}:{time.Minutes:00}";
}
