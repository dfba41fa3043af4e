namespace StationMap.Import.Normalising.Hours;

/// <summary>Days as a Chinese text selects them: a bit per weekday (Monday in bit 0) and public holidays.</summary>
internal readonly record struct DaySet(int Weekdays, bool PublicHolidays)
{
    public const int AllWeekdays = 0b111_1111;

    private static readonly string[] Names = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

    public DaySet Union(DaySet other) => new(Weekdays | other.Weekdays, PublicHolidays || other.PublicHolidays);

    /// <summary>The OpenStreetMap selector, Monday first: runs of three or more days as ranges ("Mo-Fr"), "Sa,Su", then "PH".</summary>
    public string ToOsm()
    {
        var parts = new List<string>();
        for (var day = 0; day < Names.Length; day++)
        {
            if ((Weekdays & (1 << day)) == 0)
            {
                continue;
            }
            var last = day;
            while (last + 1 < Names.Length && (Weekdays & (1 << (last + 1))) != 0)
            {
                last++;
            }
            if (last - day >= 2)
            {
                parts.Add($"{Names[day]}-{Names[last]}");
                day = last;
            }
            else
            {
                parts.Add(Names[day]);
            }
        }
        if (PublicHolidays)
        {
            parts.Add("PH");
        }
        return string.Join(",", parts);
    }
}

/// <summary>A time span in minutes after midnight; an end past 24:00 runs into the next day.</summary>
internal readonly record struct TimeRange(int Start, int End)
{
    // OpenStreetMap writes a span into the next morning with its clock end (22:00-02:00), and midnight as 24:00.
    public override string ToString() =>
        $"{Clock(Start)}-{(End > 24 * 60 ? Clock(End - 24 * 60) : Clock(End))}";

    private static string Clock(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";
}

/// <summary>One rule of a Chinese text as it is read: the days it names, and their hours, 全天, or closed.</summary>
internal sealed class HoursPhrase
{
    public DaySet Days { get; private set; }

    public bool HasDays { get; private set; }

    public List<TimeRange> Spans { get; } = [];

    public bool AllDay { get; set; }

    public bool Closed { get; set; }

    /// <summary>照常, 无休: the days keep their usual hours; says nothing by itself.</summary>
    public bool AsUsual { get; set; }

    public bool HasContent => Spans.Count > 0 || AllDay;

    /// <summary>Days named after the hours (<c>9:00-17:00（周一至周五）</c>), which a state that follows takes instead.</summary>
    public DaySet? DaysAfterHours { get; private set; }

    public void Add(DaySet days)
    {
        if (HasContent && (!HasDays || DaysAfterHours is not null))
        {
            DaysAfterHours = DaysAfterHours?.Union(days) ?? days;
        }
        Days = HasDays ? Days.Union(days) : days;
        HasDays = true;
    }

    /// <summary>
    /// Gives up the days named after the hours, for a state that follows them: in <c>8:00-18:00 周一休息</c> Monday is
    /// closed and the hours are every day's.
    /// </summary>
    public DaySet TakeDaysAfterHours()
    {
        var days = DaysAfterHours!.Value;
        DaysAfterHours = null;
        Days = default;
        HasDays = false;
        return days;
    }

    public string DaysText() => Days.ToOsm();

    public string ToOsm()
    {
        var everyDay = !HasDays || Days is { Weekdays: DaySet.AllWeekdays, PublicHolidays: false };
        if (Closed)
        {
            return everyDay ? "off" : $"{Days.ToOsm()} off";
        }
        if (AllDay)
        {
            return everyDay ? "24/7" : $"{Days.ToOsm()} 00:00-24:00";
        }
        var times = string.Join(",", Spans);
        return HasDays ? $"{Days.ToOsm()} {times}" : times;
    }
}
