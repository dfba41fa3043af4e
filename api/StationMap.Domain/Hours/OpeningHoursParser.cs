namespace StationMap.Domain.Hours;

/// <summary>
/// Reads the weekday, public-holiday and time subset of the OSM <c>opening_hours</c> grammar into its rules, in order.
/// </summary>
/// <remarks>
/// Follows https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification: rules are separated by <c>;</c>,
/// and a later rule replaces everything earlier rules said about the days it selects (see <see cref="WeekSchedule"/>).
/// Times are clock times or solar events (<c>sunrise</c>, <c>sunset</c>, <c>dawn</c>, <c>dusk</c>, optionally with
/// an offset: <c>(sunset-01:00)</c>).
/// </remarks>
internal sealed class OpeningHoursParser
{
    private const int AllDays = 0b111_1111;
    private const string ExpectedTime = "expected a time like 08:00";

    private const string PublicHoliday = "PH";
    private const string ExpectedSolarOffset = "expected a solar time with an offset, like (sunset-01:00)";

    private static readonly string[] WeekdayNames = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
    private static readonly string[] SunEventNames = ["", "dawn", "sunrise", "sunset", "dusk"];

    private readonly string _text;
    private int _pos;

    private OpeningHoursParser(string text) => _text = text;

    private bool AtEnd => _pos >= _text.Length;

    private char Current => AtEnd ? '\0' : _text[_pos];

    /// <summary>The rules of the text, in order.</summary>
    /// <exception cref="OpeningHoursSyntaxException">The text is malformed or uses unsupported syntax.</exception>
    public static HoursRule[] Parse(string text) => new OpeningHoursParser(text).ParseRules();

    private HoursRule[] ParseRules()
    {
        var rules = new List<HoursRule>();
        SkipSpaces();
        if (AtEnd)
        {
            throw new OpeningHoursSyntaxException("empty opening hours", 0);
        }
        while (true)
        {
            rules.Add(ParseRule());
            if (AtEnd)
            {
                return [.. rules];
            }
            _pos++;
            SkipSpaces();
            // A trailing ';' is common in the wild and harmless.
            if (AtEnd)
            {
                return [.. rules];
            }
        }
    }

    // rule := [days] [times | "24/7"] ["open" | "off" | "closed"], at least one of them; leaves _pos at ';' or the end.
    private HoursRule ParseRule()
    {
        var ruleStart = _pos;
        var (weekdays, publicHolidays) = (AllDays, false);
        if (IsDaySelectorAhead())
        {
            (weekdays, publicHolidays) = ParseDays();
            SkipSpaces();
        }

        SpanTemplate[]? spans = null;
        var wholeDay = false;
        if (string.CompareOrdinal(_text, _pos, "24/7", 0, 4) == 0)
        {
            _pos += 4;
            wholeDay = true;
            SkipSpaces();
        }
        else if (IsTimeAhead())
        {
            spans = ParseSpans();
            SkipSpaces();
        }

        var stateStart = _pos;
        var closed = ParseState();
        SkipSpaces();

        if (_pos == ruleStart)
        {
            throw NothingAtRuleStart();
        }
        if (!AtEnd && Current != ';')
        {
            throw Unexpected(_pos);
        }
        if (closed == true && (spans is not null || wholeDay))
        {
            throw new OpeningHoursSyntaxException("unsupported: time spans with 'off' or 'closed'", stateStart);
        }
        return new HoursRule(weekdays, publicHolidays, spans, closed == true);
    }

    // days := item ("," item)*, item := "PH" | day ["-" day]; returns a bit per weekday (Monday in bit 0) and whether
    // public holidays are selected: "Mo-Fr,PH" is Monday to Friday and every public holiday.
    private (int Weekdays, bool PublicHolidays) ParseDays()
    {
        var mask = 0;
        var publicHolidays = false;
        while (true)
        {
            if (PeekWord() == PublicHoliday)
            {
                ReadWord();
                publicHolidays = true;
                SkipSpaces();
                if (Current != ',')
                {
                    return (mask, publicHolidays);
                }
                _pos++;
                SkipSpaces();
                continue;
            }
            var from = ReadWeekday();
            var to = from;
            SkipSpaces();
            if (Current == '-')
            {
                _pos++;
                SkipSpaces();
                to = ReadWeekday();
                SkipSpaces();
            }
            // A range may wrap past Sunday: Fr-Mo is Fr, Sa, Su, Mo.
            for (var day = from; ; day = (day + 1) % WeekdayNames.Length)
            {
                mask |= 1 << day;
                if (day == to)
                {
                    break;
                }
            }
            if (Current != ',')
            {
                return (mask, publicHolidays);
            }
            _pos++;
            SkipSpaces();
        }
    }

    private int ReadWeekday()
    {
        var start = _pos;
        if (!char.IsLetter(Current))
        {
            throw Error(UnsupportedSyntax.ReasonAt(_text, start) ?? "expected a weekday like Mo", start);
        }
        var word = ReadWord();
        var day = Array.IndexOf(WeekdayNames, word);
        if (day < 0)
        {
            throw Error(UnsupportedSyntax.ReasonAt(_text, start) ?? $"unknown weekday '{word}'", start);
        }
        if (Current == '[')
        {
            throw Unexpected(_pos);
        }
        return day;
    }

    // times := span ("," span)*
    private SpanTemplate[] ParseSpans()
    {
        var spans = new List<SpanTemplate>();
        while (true)
        {
            spans.Add(ParseSpan());
            SkipSpaces();
            if (Current != ',')
            {
                return [.. spans];
            }
            var comma = _pos;
            _pos++;
            SkipSpaces();
            // "Mo 08:00-12:00, Tu 14:00-18:00" is the spec's additional-rule separator, whose semantics differ from ';'.
            if (IsDaySelectorAhead())
            {
                throw Error("unsupported: ',' between rules (use ';')", comma);
            }
        }
    }

    private SpanTemplate ParseSpan()
    {
        var start = _pos;
        var from = ParsePoint(isEnd: false);
        SkipSpaces();
        if (Current != '-')
        {
            throw Error(UnsupportedSyntax.ReasonAt(_text, _pos) ?? "expected '-' and an end time, like 08:00-18:00", _pos);
        }
        _pos++;
        SkipSpaces();
        var to = ParsePoint(isEnd: true);
        if (to == from)
        {
            throw Error("a time span cannot end when it starts", start);
        }
        return new SpanTemplate(from, to);
    }

    // point := time | event | "(" event ("+" | "-") time ")"
    private TimePoint ParsePoint(bool isEnd)
    {
        if (char.IsAsciiDigit(Current))
        {
            return new TimePoint(SunEvent.None, ParseTime(isEnd));
        }
        var start = _pos;
        if (Current != '(')
        {
            return new TimePoint(ReadSunEvent() ?? throw Error(UnsupportedSyntax.ReasonAt(_text, start) ?? ExpectedTime, start), 0);
        }
        _pos++;
        SkipSpaces();
        var sun = ReadSunEvent() ?? throw Error(ExpectedSolarOffset, start);
        SkipSpaces();
        var sign = Current switch { '+' => 1, '-' => -1, _ => throw Error(ExpectedSolarOffset, start) };
        _pos++;
        SkipSpaces();
        var offsetStart = _pos;
        var offset = char.IsAsciiDigit(Current) ? ParseTime(isEnd: false) : throw Error(ExpectedSolarOffset, start);
        if (offset > 12 * 60)
        {
            throw Error("a solar offset is at most 12:00", offsetStart);
        }
        SkipSpaces();
        if (Current != ')')
        {
            throw Error(ExpectedSolarOffset, start);
        }
        _pos++;
        return new TimePoint(sun, sign * offset);
    }

    private SunEvent? ReadSunEvent()
    {
        var index = char.IsLetter(Current) ? Array.IndexOf(SunEventNames, PeekWord()) : -1;
        if (index <= 0)
        {
            return null;
        }
        ReadWord();
        return (SunEvent)index;
    }

    // time := hh ":" mm; starts are 00:00-23:59, ends 00:00-48:00 (the spec's extended hours).
    private int ParseTime(bool isEnd)
    {
        var start = _pos;
        var hour = ReadDigits(2);
        // One-digit hours (8:00) are not in the spec but common in imported data, and unambiguous.
        if (hour < 0 || Current != ':')
        {
            throw Error(UnsupportedSyntax.ReasonAt(_text, start) ?? ExpectedTime, start);
        }
        _pos++;
        var minuteStart = _pos;
        var minute = ReadDigits(2);
        if (minute < 0 || _pos - minuteStart != 2)
        {
            throw Error(ExpectedTime, start);
        }
        if (minute > 59)
        {
            throw Error("minutes must be 00-59", minuteStart);
        }
        if (!isEnd && hour > 23)
        {
            throw Error($"start hour {hour:00} is out of range (00-23)", start);
        }
        var minutes = hour * 60 + minute;
        if (isEnd && minutes > 2 * MinuteSpan.MinutesPerDay)
        {
            throw Error($"end time {hour:00}:{minute:00} is out of range (00:00-48:00)", start);
        }
        return minutes;
    }

    // Returns the value of up to maxDigits ASCII digits, or -1 if there are none.
    private int ReadDigits(int maxDigits)
    {
        var value = -1;
        for (var read = 0; read < maxDigits && char.IsAsciiDigit(Current); read++, _pos++)
        {
            value = Math.Max(value, 0) * 10 + (Current - '0');
        }
        return value;
    }

    // Returns true for "off"/"closed", false for "open", null when there is no state word.
    private bool? ParseState()
    {
        if (!char.IsLetter(Current))
        {
            return null;
        }
        bool? closed = PeekWord() switch
        {
            "open" => false,
            "off" or "closed" => true,
            _ => null,
        };
        if (closed is not null)
        {
            ReadWord();
        }
        return closed;
    }

    private bool IsDaySelectorAhead() =>
        char.IsLetter(Current) && (Array.IndexOf(WeekdayNames, PeekWord()) >= 0 || PeekWord() == PublicHoliday);

    private bool IsTimeAhead() =>
        char.IsAsciiDigit(Current) || Current == '(' || (char.IsLetter(Current) && Array.IndexOf(SunEventNames, PeekWord()) > 0);

    private string PeekWord() => WordAt(_pos);

    private string WordAt(int position)
    {
        var end = position;
        while (end < _text.Length && char.IsLetter(_text[end]))
        {
            end++;
        }
        return _text[position..end];
    }

    private string ReadWord()
    {
        var word = PeekWord();
        _pos += word.Length;
        return word;
    }

    // Includes U+3000, the ideographic space that Chinese input methods produce.
    private void SkipSpaces()
    {
        while (!AtEnd && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private OpeningHoursSyntaxException NothingAtRuleStart()
    {
        if (UnsupportedSyntax.ReasonAt(_text, _pos) is { } unsupported)
        {
            return Error(unsupported, _pos);
        }
        if (char.IsLetter(Current))
        {
            return Error($"unknown weekday '{PeekWord()}'", _pos);
        }
        return Current == ';'
            ? Error("empty rule", _pos)
            : Error($"expected a weekday, a time or 'off', found '{Current}'", _pos);
    }

    private OpeningHoursSyntaxException Unexpected(int position)
    {
        if (UnsupportedSyntax.ReasonAt(_text, position) is { } unsupported)
        {
            return Error(unsupported, position);
        }
        var token = char.IsLetter(_text[position]) ? WordAt(position) : _text[position].ToString();
        return Error($"unexpected '{token}'", position);
    }

    private static OpeningHoursSyntaxException Error(string reason, int position) => new(reason, position);
}
