using System.Globalization;
using System.Text.Json;

namespace StationMap.Domain.Hours;

/// <summary>
/// Public holidays and adjusted working days by date, read from data: the State Council's yearly notices as entered in
/// <c>china-public-holidays.json</c> (see <see cref="China"/>). A date of a year no notice covers is unknown, never
/// guessed from weekdays: rules that depend on the calendar then read as unknown.
/// </summary>
public sealed class PublicHolidayCalendar
{
    /// <summary>
    /// How far into December the next year's notice can reach: its New Year break or make-up day may fall in the last
    /// days of the year before (the 2019 notice made Saturday 29 December 2018 a working day and 30-31 December days
    /// off), so those days are known only once the next year is entered.
    /// </summary>
    public const int DecemberDaysSettledByNextYear = 7;

    private const string ResourceName = "StationMap.Domain.Hours.china-public-holidays.json";
    private static readonly string[] Weekdays = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    private readonly HashSet<int> _years;
    private readonly Dictionary<DateOnly, CalendarDay> _days;

    private PublicHolidayCalendar(HashSet<int> years, Dictionary<DateOnly, CalendarDay> days)
    {
        _years = years;
        _days = days;
    }

    /// <summary>Mainland China's calendar as shipped with this assembly.</summary>
    public static PublicHolidayCalendar China { get; } = LoadEmbedded();

    /// <summary>The years whose notice the calendar holds, ascending.</summary>
    public IReadOnlyList<int> Years => [.. _years.Order()];

    /// <summary>What the calendar says about <paramref name="date"/>.</summary>
    public CalendarDay DayOf(DateOnly date)
    {
        if (!IsKnown(date))
        {
            return default;
        }
        return _days.TryGetValue(date, out var day) ? day : new CalendarDay(true, null, false);
    }

    private bool IsKnown(DateOnly date) =>
        _years.Contains(date.Year)
        && (date.Month < 12 || date.Day <= 31 - DecemberDaysSettledByNextYear || _years.Contains(date.Year + 1));

    /// <summary>Reads a calendar in the format of <c>china-public-holidays.json</c>, checking it as it goes.</summary>
    /// <exception cref="FormatException">A date, weekday or count does not agree with itself, or a date is listed twice.</exception>
    public static PublicHolidayCalendar Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var years = new HashSet<int>();
        var days = new Dictionary<DateOnly, CalendarDay>();
        foreach (var entry in document.RootElement.GetProperty("years").EnumerateArray())
        {
            var year = entry.GetProperty("year").GetInt32();
            if (!years.Add(year))
            {
                throw new FormatException($"year {year} is listed twice");
            }
            foreach (var holiday in entry.GetProperty("holidays").EnumerateArray())
            {
                AddHoliday(year, holiday, days);
            }
        }
        return new PublicHolidayCalendar(years, days);
    }

    private static void AddHoliday(int year, JsonElement holiday, Dictionary<DateOnly, CalendarDay> days)
    {
        var id = holiday.GetProperty("id").GetString() ?? throw new FormatException($"{year}: a holiday has no id");
        var off = holiday.GetProperty("off").EnumerateArray().Select(e => Date(e.GetString(), id)).ToArray();
        if (off.Length != 2 || off[1] < off[0])
        {
            throw new FormatException($"{year} {id}: 'off' must be the first and the last day off");
        }
        var count = off[1].DayNumber - off[0].DayNumber + 1;
        if (count != holiday.GetProperty("days").GetInt32())
        {
            throw new FormatException($"{year} {id}: {off[0]:yyyy-MM-dd} to {off[1]:yyyy-MM-dd} is {count} days, not {holiday.GetProperty("days").GetInt32()}");
        }
        // A notice's dates lie in its year, but its New Year arrangements may reach back into late December.
        if (off[1].Year != year || off[0] < new DateOnly(year - 1, 12, 32 - DecemberDaysSettledByNextYear))
        {
            throw new FormatException($"{year} {id}: days off outside the notice's year");
        }
        for (var day = off[0]; day <= off[1]; day = day.AddDays(1))
        {
            Add(days, day, new CalendarDay(true, id, false), id);
        }
        foreach (var work in holiday.GetProperty("work").EnumerateArray())
        {
            var day = Date(work.GetString(), id);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                throw new FormatException($"{year} {id}: {day:yyyy-MM-dd} is a weekday; only a weekend day can be made a working day");
            }
            Add(days, day, new CalendarDay(true, null, true), id);
        }
    }

    private static void Add(Dictionary<DateOnly, CalendarDay> days, DateOnly date, CalendarDay day, string id)
    {
        if (!days.TryAdd(date, day))
        {
            throw new FormatException($"{id}: {date:yyyy-MM-dd} is listed twice");
        }
    }

    // "2026-10-01 周四": the date and the weekday the notice prints beside it, which must agree.
    private static DateOnly Date(string? text, string id)
    {
        var parts = (text ?? "").Split(' ');
        if (parts.Length != 2 || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new FormatException($"{id}: '{text}' is not a date like '2026-10-01 周四'");
        }
        if (Weekdays[(int)date.DayOfWeek] != parts[1])
        {
            throw new FormatException($"{id}: {parts[0]} is a {Weekdays[(int)date.DayOfWeek]}, not a {parts[1]}");
        }
        return date;
    }

    // The file is compiled into the assembly: reading it is not I/O, and the domain stays free of paths and files.
    private static PublicHolidayCalendar LoadEmbedded()
    {
        using var stream = typeof(PublicHolidayCalendar).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"resource {ResourceName} is missing");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return Parse(System.Text.Encoding.UTF8.GetString(bytes));
    }
}
