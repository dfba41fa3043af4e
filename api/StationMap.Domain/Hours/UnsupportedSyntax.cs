namespace StationMap.Domain.Hours;

/// <summary>
/// Recognises parts of the full <c>opening_hours</c> grammar that this evaluator does not implement, so that a
/// valid but unsupported text is reported as such instead of as a typo.
/// </summary>
internal static class UnsupportedSyntax
{
    private const string Months = "unsupported: month ranges";

    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        // Chinese school holidays are set by each province and school, and no national calendar of them exists.
        ["SH"] = "unsupported: school holidays (SH)",
        ["Jan"] = Months, ["Feb"] = Months, ["Mar"] = Months, ["Apr"] = Months,
        ["May"] = Months, ["Jun"] = Months, ["Jul"] = Months, ["Aug"] = Months,
        ["Sep"] = Months, ["Oct"] = Months, ["Nov"] = Months, ["Dec"] = Months,
        ["week"] = "unsupported: week numbers",
        ["easter"] = "unsupported: easter dates",
        ["unknown"] = "unsupported: the 'unknown' state",
    };

    /// <summary>The reason the syntax starting at <paramref name="position"/> is unsupported, or null if it is not a known construct.</summary>
    public static string? ReasonAt(string text, int position)
    {
        if (position >= text.Length)
        {
            return null;
        }
        var c = text[position];
        if (char.IsLetter(c))
        {
            var end = position;
            while (end < text.Length && char.IsLetter(text[end]))
            {
                end++;
            }
            return Words.GetValueOrDefault(text[position..end]);
        }
        if (IsYear(text, position))
        {
            return "unsupported: year ranges";
        }
        return c switch
        {
            '"' => "unsupported: comments",
            '|' when position + 1 < text.Length && text[position + 1] == '|' => "unsupported: fallback rules (||)",
            '[' => "unsupported: nth weekday of the month ([n])",
            '+' => "unsupported: open-ended times (+)",
            '/' => "unsupported: repeating times (/)",
            _ => null,
        };
    }

    // Exactly four digits starting 19 or 20 read as a year such as 2024, rather than a time missing its colon (0800).
    private static bool IsYear(string text, int position)
    {
        var end = position;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }
        return end - position == 4 && text.AsSpan(position, 2) is "19" or "20";
    }
}
