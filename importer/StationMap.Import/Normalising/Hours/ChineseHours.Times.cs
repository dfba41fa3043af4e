namespace StationMap.Import.Normalising.Hours;

/// <summary>
/// Times of day as Chinese lists write them: <c>9:00</c>, <c>9点</c>, <c>9点半</c>, <c>9时30分</c>, <c>八点</c>, with
/// the part of the day that makes a 12-hour clock exact (<c>早8点</c>, <c>下午5点</c>, <c>晚8点</c>, <c>次日凌晨2点</c>).
/// </summary>
public sealed partial class ChineseHours
{
    private const string ChineseDigits = "零一二三四五六七八九";

    private enum DayPart
    {
        None,
        Morning,
        Noon,
        Afternoon,
        Evening,
        SmallHours,
    }

    // Longest first where one word starts another.
    private static readonly (string Word, DayPart Part)[] DayParts =
    [
        ("早上", DayPart.Morning), ("早晨", DayPart.Morning), ("清晨", DayPart.Morning), ("上午", DayPart.Morning), ("早", DayPart.Morning),
        ("中午", DayPart.Noon), ("午间", DayPart.Noon),
        ("下午", DayPart.Afternoon), ("午后", DayPart.Afternoon), ("傍晚", DayPart.Afternoon),
        ("晚上", DayPart.Evening), ("晚间", DayPart.Evening), ("夜间", DayPart.Evening), ("夜里", DayPart.Evening), ("晚", DayPart.Evening),
        ("凌晨", DayPart.SmallHours),
    ];

    private readonly record struct ClockTime(int Hour, int Minute, DayPart Part, bool NextDay, bool HasUnit);

    // range := time ("-" | 至 | 到) time. A range of bare numbers (9-17) could be anything and is not read as hours.
    private bool TryRange(out TimeRange span, out string? error)
    {
        span = default;
        error = null;
        var start = _pos;
        if (ReadTime() is not { } from)
        {
            _pos = start;
            return false;
        }
        SkipSpaces();
        if (!TryMatch("-", "至", "到"))
        {
            error = $"'{WordAt(start)}' is a time with no end (write a span like 9:00-17:00)";
            return false;
        }
        SkipSpaces();
        var endStart = _pos;
        if (ReadTime() is not { } to)
        {
            error = $"'{WordAt(start)}' has no end time";
            return false;
        }
        if (!from.HasUnit && !to.HasUnit && from.Part == DayPart.None && to.Part == DayPart.None)
        {
            error = $"'{_text[start.._pos]}' has no 点 or ':' to say it is a time of day";
            return false;
        }
        var open = Minutes(from, DayPart.None);
        // The end takes the start's part of the day when it has none and that keeps it after the start (下午2:00-6:00),
        // otherwise it is read as written (晚8点-2点 runs past midnight).
        var close = Minutes(to, DayPart.None);
        if (to.Part == DayPart.None && from.Part != DayPart.None && Minutes(to, from.Part) is var inherited && inherited > open)
        {
            close = inherited;
        }
        if (open >= 24 * 60)
        {
            open -= 24 * 60;
        }
        if (close <= open)
        {
            close += 24 * 60;
        }
        if (close - open >= 24 * 60 && !(open == 0 && close == 24 * 60))
        {
            error = $"'{_text[start.._pos]}' is not a span within a day";
            return false;
        }
        if (from.Minute > 59 || to.Minute > 59 || from.Hour > 24 || to.Hour > 24)
        {
            error = $"'{_text[endStart.._pos]}' is not a time of day";
            return false;
        }
        span = new TimeRange(open, close);
        return true;
    }

    private static int Minutes(ClockTime time, DayPart inherited)
    {
        var part = time.Part == DayPart.None ? inherited : time.Part;
        var hour = (part, time.Hour) switch
        {
            (DayPart.Noon, <= 2) => time.Hour + 12,
            (DayPart.Afternoon, < 12) => time.Hour + 12,
            (DayPart.Evening, 12) => 24,
            (DayPart.Evening, < 12) => time.Hour + 12,
            (DayPart.SmallHours, 12) => 0,
            _ => time.Hour,
        };
        return (time.NextDay ? 24 * 60 : 0) + hour * 60 + time.Minute;
    }

    // time := [次日] [part] hour (":" mm | ("点" | "时") [半 | mm [分] | 整] | nothing)
    private ClockTime? ReadTime()
    {
        var nextDay = TryMatch("次日", "翌日", "第二天", "隔天");
        var part = DayPart.None;
        foreach (var (word, p) in DayParts)
        {
            if (TryMatch(word))
            {
                part = p;
                break;
            }
        }
        if (ReadHour() is not { } hour)
        {
            return null;
        }
        var minute = 0;
        var hasUnit = true;
        if (Current == ':' || (Current == '.' && TwoDigitsAt(_pos + 1)))
        {
            _pos++;
            if (!TwoDigitsAt(_pos))
            {
                return null;
            }
            minute = (_text[_pos] - '0') * 10 + (_text[_pos + 1] - '0');
            _pos += 2;
        }
        else if (TryMatch("点", "时"))
        {
            if (TryMatch("半"))
            {
                minute = 30;
            }
            else if (char.IsAsciiDigit(Current))
            {
                minute = ReadNumber();
                TryMatch("分");
            }
            else
            {
                TryMatch("整");
            }
        }
        else
        {
            hasUnit = false;
        }
        return new ClockTime(hour, minute, part, nextDay, hasUnit);
    }

    private bool TwoDigitsAt(int position) =>
        position + 1 < _text.Length && char.IsAsciiDigit(_text[position]) && char.IsAsciiDigit(_text[position + 1])
        && (position + 2 >= _text.Length || !char.IsAsciiDigit(_text[position + 2]));

    // 1-2 Arabic digits, or a Chinese numeral up to 二十四 (八, 十, 十二, 二十); Chinese ones only before 点 or 时.
    private int? ReadHour()
    {
        if (char.IsAsciiDigit(Current))
        {
            var start = _pos;
            var value = ReadNumber();
            return _pos - start <= 2 ? value : null;
        }
        var mark = _pos;
        var tens = 0;
        var units = -1;
        if (Current == '两')
        {
            _pos++;
            units = 2;
        }
        else if (ChineseDigits.Contains(Current, StringComparison.Ordinal))
        {
            units = ChineseDigits.IndexOf(Current, StringComparison.Ordinal);
            _pos++;
        }
        if (Current == '十')
        {
            _pos++;
            tens = units < 0 ? 1 : units;
            units = ChineseDigits.Contains(Current, StringComparison.Ordinal) ? ChineseDigits.IndexOf(Current, StringComparison.Ordinal) : 0;
            if (units > 0)
            {
                _pos++;
            }
        }
        if (units < 0 || !(LooksAt("点") || LooksAt("时")))
        {
            _pos = mark;
            return null;
        }
        return tens * 10 + units;
    }

    private int ReadNumber()
    {
        var value = 0;
        while (char.IsAsciiDigit(Current))
        {
            value = value * 10 + (Current - '0');
            _pos++;
        }
        return value;
    }
}
