namespace StationMap.Domain.Hours;

/// <summary>
/// Reads the weekday-and-time subset of the OSM <c>opening_hours</c> grammar into one list of spans per weekday.
/// </summary>
/// <remarks>
/// Follows https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification: rules are separated by <c>;</c>,
/// and a later rule replaces everything earlier rules said about the weekdays it selects.
/// </remarks>
internal sealed class OpeningHoursParser
{
    private const int AllDays = 0b111_1111;
    private const string ExpectedTime = "expected a time like 08:00";

    private static readonly string[] WeekdayNames = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
    private static readonly MinuteSpan[] WholeDay = [new(0, MinuteSpan.MinutesPerDay)];

    private readonly string _text;
    private int _pos;

    private OpeningHoursParser(string text) => _text = text;

    private bool AtEnd => _pos >= _text.Length;

    private char Current => AtEnd ? '\0' : _text[_pos];

    /// <summary>Per weekday, Monday first, the spans that start on that day once all rules are applied.</summary>
    /// <exception cref="OpeningHoursSyntaxException">The text is malformed or uses unsupported syntax.</exception>
    public static MinuteSpan[][] Parse(string text) => new OpeningHoursParser(text).ParseRules();

    private MinuteSpan[][] ParseRules()
    {
        var days = new MinuteSpan[WeekdayNames.Length][];
        Array.Fill(days, []);
        SkipSpaces();
        if (AtEnd)
        {
            throw new OpeningHoursSyntaxException("empty opening hours", 0);
        }
        while (true)
        {
            ParseRule(days);
            if (AtEnd)
            {
                return days;
            }
            _pos++;
            SkipSpaces();
            // A trailing ';' is common in the wild and harmless.
            if (AtEnd)
            {
                return days;
            }
        }
    }

    // rule := [weekdays] [times | "24/7"] ["open" | "off" | "closed"], at least one of them; leaves _pos at ';' or the end.
    private void ParseRule(MinuteSpan[][] days)
    {
        var ruleStart = _pos;
        var selected = AllDays;
        if (IsWeekdayAhead())
        {
            selected = ParseWeekdays();
            SkipSpaces();
        }

        MinuteSpan[]? spans = null;
        if (string.CompareOrdinal(_text, _pos, "24/7", 0, 4) == 0)
        {
            _pos += 4;
            spans = WholeDay;
            SkipSpaces();
        }
        else if (char.IsAsciiDigit(Current))
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
        if (closed == true && spans is not null)
        {
            throw new OpeningHoursSyntaxException("unsupported: time spans with 'off' or 'closed'", stateStart);
        }

        var applied = closed == true ? [] : spans ?? WholeDay;
        for (var day = 0; day < days.Length; day++)
        {
            if ((selected & (1 << day)) != 0)
            {
                days[day] = applied;
            }
        }
    }

    // weekdays := range ("," range)*, range := day ["-" day]; returns a bit per day, Monday in bit 0.
    private int ParseWeekdays()
    {
        var mask = 0;
        while (true)
        {
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
                return mask;
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
    private MinuteSpan[] ParseSpans()
    {
        var spans = new List<MinuteSpan>();
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
            if (IsWeekdayAhead())
            {
                throw Error("unsupported: ',' between rules (use ';')", comma);
            }
        }
    }

    private MinuteSpan ParseSpan()
    {
        var start = _pos;
        var from = ParseTime(isEnd: false);
        SkipSpaces();
        if (Current != '-')
        {
            throw Error(UnsupportedSyntax.ReasonAt(_text, _pos) ?? "expected '-' and an end time, like 08:00-18:00", _pos);
        }
        _pos++;
        SkipSpaces();
        var to = ParseTime(isEnd: true);
        if (to == from)
        {
            throw Error("a time span cannot end when it starts", start);
        }
        // An end before the start runs past midnight (22:00-06:00); ends past 24:00 (22:00-26:00) already say so.
        return new MinuteSpan(from, to < from ? to + MinuteSpan.MinutesPerDay : to);
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

    private bool IsWeekdayAhead() => char.IsLetter(Current) && Array.IndexOf(WeekdayNames, PeekWord()) >= 0;

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
