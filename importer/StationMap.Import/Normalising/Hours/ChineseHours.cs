namespace StationMap.Import.Normalising.Hours;

/// <summary>
/// Reads opening hours as Chinese station lists write them (<c>周一至周五 9:00-17:00</c>, <c>每天 8:00-20:00</c>,
/// <c>早8点至晚8点</c>, <c>全天</c>, <c>工作日 9:00-17:00，节假日休息</c>...) and writes them in OpenStreetMap
/// <c>opening_hours</c> syntax. One instance reads one text.
/// </summary>
/// <remarks>
/// A text is a run of day selectors (weekdays, 工作日, 周末, 每天, 节假日), times (<see cref="TryRange"/>), 全天 or
/// 24小时, and states (休息, 除外, 照常). Days followed by hours make a rule; hours with no days of their own continue
/// the rule before (<c>9:00-12:00，14:00-17:00</c>). Chinese lists state closures as exceptions wherever they put them
/// (<c>节假日休息，周一至周五 9:00-17:00</c>), so closed rules are written after the open ones, and rules for public
/// holidays after those for weekdays, where OpenStreetMap's "later rules win" gives them that meaning. 工作日 means Monday to Friday except public holidays, with make-up
/// working days taken from the holiday calendar: <c>Mo-Fr ...; PH off</c>.
/// </remarks>
public sealed partial class ChineseHours
{
    private readonly string _text;
    private readonly List<HoursPhrase> _open = [];
    private readonly List<HoursPhrase> _closed = [];
    private int _pos;
    private HoursPhrase? _current;
    private HoursPhrase? _continued;
    private bool _workingDays;
    private bool _mentionsHolidays;

    private ChineseHours(string text) => _text = ChineseHoursText.Fold(text);

    private bool AtEnd => _pos >= _text.Length;

    private char Current => AtEnd ? '\0' : _text[_pos];

    /// <summary>The text in <c>opening_hours</c> syntax, or why it cannot be read.</summary>
    public static bool TryConvert(string text, out string osm, out string error)
    {
        var reader = new ChineseHours(text);
        error = reader.Read() ?? "";
        osm = error.Length == 0 ? reader.Write() : "";
        return error.Length == 0;
    }

    // Null when the whole text was read, else why not.
    private string? Read()
    {
        while (!AtEnd)
        {
            if (Current is ';' or ',' or '/' or '|' or '\\')
            {
                _pos++;
                EndSegment();
                continue;
            }
            if (SkipFiller())
            {
                continue;
            }
            var start = _pos;
            // States before 除…外, so that 除外 is read as one word.
            var problem = TryAllDay() ? AddAllDay()
                : TryState(out var closed) ? AddState(closed)
                : TryExcept() ? ReadException()
                : TryDays(out var days) ? AddDays(days)
                : TryRange(out var span, out var rangeError) ? AddSpan(span)
                : rangeError ?? $"'{WordAt(start)}' is not a day, a time, 全天 or 休息 as the importer reads them";
            if (problem is not null)
            {
                return problem;
            }
        }
        EndSegment();
        return Finish();
    }

    private string? AddDays(DaySet days)
    {
        if (_current is { HasDays: true, HasContent: true })
        {
            Close();
        }
        if (_current is null)
        {
            _current = new HoursPhrase();
        }
        _current.Add(days);
        _mentionsHolidays |= days.PublicHolidays;
        return null;
    }

    private string? AddSpan(TimeRange span)
    {
        if (_current is null && _continued is { Closed: false, AllDay: false } previous)
        {
            // "9:00-12:00，14:00-17:00": hours without days of their own add to the rule before.
            _open.Remove(previous);
            _current = previous;
        }
        _current ??= new HoursPhrase();
        if (_current.Closed || _current.AllDay)
        {
            return $"hours '{span}' given to days already said to be closed or open all day";
        }
        _current.Spans.Add(span);
        return null;
    }

    private string? AddAllDay()
    {
        _current ??= new HoursPhrase();
        if (_current.Spans.Count > 0 || _current.Closed)
        {
            return "全天 given to days that already have hours or are closed";
        }
        _current.AllDay = true;
        return null;
    }

    // closed: true for 休息 and the like, false for 照常 (as usual: no exception).
    private string? AddState(bool closed)
    {
        if (_current is { DaysAfterHours: not null } withHours)
        {
            // "9:00-21:00（节假日照常）", "8:00-18:00 周一休息": the state is the days', the hours every day's.
            var days = withHours.TakeDaysAfterHours();
            Close();
            _current = new HoursPhrase();
            _current.Add(days);
        }
        _current ??= new HoursPhrase();
        if (!closed)
        {
            _current.AsUsual = true;
            return null;
        }
        if (_current.Spans.Count > 0 || _current.AllDay)
        {
            return "closing hours within a day (such as a lunch break) cannot be written as opening_hours here";
        }
        _current.Closed = true;
        return null;
    }

    // "除周一外": the days between 除 and 外 are closed, whatever the rest says.
    private string? ReadException()
    {
        if (_current is { HasContent: true })
        {
            Close();
        }
        var start = _pos;
        var exception = new HoursPhrase();
        while (TryDays(out var days))
        {
            exception.Add(days);
            _mentionsHolidays |= days.PublicHolidays;
            SkipSpaces();
            TryMatch("、", "和", "及");
        }
        if (!exception.HasDays || !TryMatch("以外", "之外", "外"))
        {
            return $"'除{WordAt(start)}' is not 除…外 around days";
        }
        exception.Closed = true;
        _closed.Add(exception);
        return null;
    }

    // At a separator: a rule with hours or a state is done (one with hours may be continued by hours alone); days
    // alone carry on into the next segment (周一，周三 9:00-17:00).
    private void EndSegment()
    {
        if (_current is { HasContent: true } or { AsUsual: true } or { Closed: true })
        {
            Close();
        }
    }

    private void Close()
    {
        var phrase = _current!;
        _current = null;
        _continued = null;
        if (phrase.Closed)
        {
            _closed.Add(phrase);
        }
        else if (phrase.HasContent)
        {
            _open.Add(phrase);
            _continued = phrase;
        }
        // 照常 alone says the days keep their usual hours: no rule.
    }

    private string? Finish()
    {
        if (_current is { HasDays: true } dangling)
        {
            return $"no hours given for '{dangling.DaysText()}'";
        }
        if (_open.Count == 0)
        {
            return _closed is [{ HasDays: false }] || _closed is [{ Days.Weekdays: DaySet.AllWeekdays, Days.PublicHolidays: false }]
                ? null
                : "no opening hours given, only when it is closed";
        }
        return null;
    }

    private string Write()
    {
        if (_open.Count == 0)
        {
            return "off";
        }
        // Holiday arrangements and closures are exceptions to the regular days, so they come later and win.
        var rules = _open.Where(p => !p.Days.PublicHolidays)
            .Concat(_closed.Where(p => !p.Days.PublicHolidays))
            .Concat(_open.Where(p => p.Days.PublicHolidays))
            .Concat(_closed.Where(p => p.Days.PublicHolidays))
            .Select(p => p.ToOsm())
            .ToList();
        if (_workingDays && !_mentionsHolidays)
        {
            rules.Add("PH off");
        }
        return string.Join("; ", rules);
    }

    private void SkipSpaces()
    {
        while (Current == ' ')
        {
            _pos++;
        }
    }

    private bool TryMatch(params string[] words)
    {
        foreach (var word in words)
        {
            if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) == 0)
            {
                _pos += word.Length;
                return true;
            }
        }
        return false;
    }

    private bool LooksAt(string word) => string.CompareOrdinal(_text, _pos, word, 0, word.Length) == 0;

    // The text from start up to the next space or separator, for messages.
    private string WordAt(int start)
    {
        var end = start;
        while (end < _text.Length && end - start < 12 && _text[end] is not (' ' or ';' or ','))
        {
            end++;
        }
        return end == start ? _text[start..Math.Min(start + 1, _text.Length)] : _text[start..end];
    }
}
