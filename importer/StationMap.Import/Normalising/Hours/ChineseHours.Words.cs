namespace StationMap.Import.Normalising.Hours;

/// <summary>The words of a Chinese hours text: days, 全天, states, and the words that say nothing.</summary>
public sealed partial class ChineseHours
{
    private const string DayDigits = "一二三四五六日天七";

    private static readonly DaySet Weekend = new(0b110_0000, false);
    private static readonly DaySet MondayToFriday = new(0b001_1111, false);
    private static readonly DaySet Holidays = new(0, true);
    private static readonly DaySet EveryDay = new(DaySet.AllWeekdays, false);

    // Longest first where one word starts another.
    private static readonly (string Word, DaySet Days)[] NamedDays =
    [
        ("国家法定节假日", Holidays), ("法定节假日", Holidays), ("法定假日", Holidays), ("节假日", Holidays), ("节日", Holidays),
        ("非工作日", Weekend.Union(Holidays)),
        ("双休日", Weekend), ("周末", Weekend),
        ("每天", EveryDay), ("每日", EveryDay), ("天天", EveryDay), ("全周", EveryDay), ("全年", EveryDay), ("一周七天", EveryDay),
    ];

    private static readonly string[] AllDayWords = ["全天候", "全天24小时", "全天", "全日", "二十四小时", "24小时", "24h", "24H", "24/7"];
    private static readonly string[] RoundTheClockPrefixes = ["7x24", "7×24", "7*24", "7X24"];
    private static readonly string[] ClosedWords =
    [
        "不对外开放", "暂停开放", "暂停服务", "暂停营业", "停止服务", "不营业", "不开放", "休息", "闭馆", "闭店", "闭园", "关闭", "停业",
        "休馆", "歇业", "除外", "休",
    ];
    private static readonly string[] AsUsualWords = ["照常", "正常", "不休", "无休", "不打烊"];
    private static readonly string[] Fillers =
    [
        "营业时间", "开放时间", "服务时间", "办公时间", "工作时间", "营业", "开放", "开门", "服务", "办公", "对外", "时间", "时段",
        "期间", "均为", "均", "都", "为", "是", "左右", "以及", "及", "和", "与", "、", ":", "(", ")", "[", "]", "【", "】", "\"", "“",
        "”", "'", " ",
    ];

    private bool SkipFiller()
    {
        // "每周" names no day by itself ("每周一" does, and is read as days).
        if (LooksAt("每周") && (_pos + 2 >= _text.Length || !IsDayDigit(_text[_pos + 2])))
        {
            _pos += 2;
            return true;
        }
        return TryMatch(Fillers);
    }

    private bool TryAllDay()
    {
        if (TryMatch(RoundTheClockPrefixes))
        {
            TryMatch("小时", "h", "H");
            return true;
        }
        return TryMatch(AllDayWords);
    }

    private bool TryExcept() => TryMatch("除了", "除");

    // closed: true for 休息 and its kin, false for 照常 and its kin.
    private bool TryState(out bool closed)
    {
        closed = TryMatch(ClosedWords);
        return closed || TryMatch(AsUsualWords);
    }

    // days := named | weekday (("-" | 至 | 到) weekday | "、" weekday | weekday)*, weekday := [每] (周|星期|礼拜) digit | digit
    private bool TryDays(out DaySet days)
    {
        days = default;
        foreach (var (word, set) in NamedDays)
        {
            if (TryMatch(word))
            {
                days = set;
                return true;
            }
        }
        if (TryMatch("工作日"))
        {
            _workingDays = true;
            days = MondayToFriday;
            return true;
        }
        var start = _pos;
        TryMatch("每");
        if (!TryMatch("星期", "礼拜", "周") || ReadDayDigit() is not { } first)
        {
            _pos = start;
            return false;
        }
        var mask = 1 << first;
        while (true)
        {
            var mark = _pos;
            SkipSpaces();
            if (TryMatch("-", "至", "到"))
            {
                SkipSpaces();
                TryMatch("星期", "礼拜", "周");
                if (ReadDayDigit() is not { } last)
                {
                    _pos = mark;
                    break;
                }
                // A range may wrap past Sunday: 周五至周一 is Fr, Sa, Su, Mo.
                for (var day = first; ; day = (day + 1) % 7)
                {
                    mask |= 1 << day;
                    if (day == last)
                    {
                        break;
                    }
                }
                first = last;
                continue;
            }
            TryMatch("、", "和", "及");
            TryMatch("星期", "礼拜", "周");
            if (ReadDayDigit() is { } next)
            {
                mask |= 1 << next;
                first = next;
                continue;
            }
            _pos = mark;
            break;
        }
        days = new DaySet(mask, false);
        return true;
    }

    private static bool IsDayDigit(char c) => DayDigits.Contains(c, StringComparison.Ordinal) || c is >= '1' and <= '7';

    private bool IsAfterWeekPrefix() => _pos >= 1 && (_text[_pos - 1] == '周' || (_pos >= 2 && _text[(_pos - 2).._pos] is "星期" or "礼拜"));

    // 一 to 日 (or 天, 七) for Monday to Sunday, as 0 to 6; Arabic 1-7 only right after 周/星期/礼拜 ("周1"), and not
    // when it starts a time ("周一至周五9:00" has its 9 read as an hour).
    private int? ReadDayDigit()
    {
        var index = DayDigits.IndexOf(Current, StringComparison.Ordinal);
        if (index >= 0)
        {
            _pos++;
            return Math.Min(index, 6);
        }
        var next = _pos + 1 < _text.Length ? _text[_pos + 1] : '\0';
        if (Current is >= '1' and <= '7' && IsAfterWeekPrefix() && !char.IsAsciiDigit(next) && next is not (':' or '点' or '时' or '.'))
        {
            return _text[_pos++] - '1';
        }
        return null;
    }
}
