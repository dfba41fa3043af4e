using System.Text;

namespace StationMap.Domain.Places;

/// <summary>
/// How names and addresses are folded before they are compared: the forms lists mix (full-width and half-width
/// letters, digits and brackets, Chinese numerals beside Arabic ones, spaces and punctuation anywhere) made one.
/// </summary>
internal static class PlaceText
{
    /// <summary>
    /// NFKC (full-width forms such as <c>（１２）</c> and ideographic spaces become <c>(12)</c> and a space), lower case,
    /// punctuation, brackets and symbols dropped, Chinese numerals written in digits. Between two Latin words or digit
    /// runs one space is kept, so that English words stay words; every other separator goes.
    /// </summary>
    public static string Fold(string text)
    {
        var normalised = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        var folded = new StringBuilder(normalised.Length);
        var pendingSpace = false;
        foreach (var c in normalised)
        {
            // 〇 is a letter-number, which IsLetterOrDigit leaves out.
            if (!char.IsLetterOrDigit(c) && c != '〇')
            {
                pendingSpace = folded.Length > 0;
                continue;
            }
            var lower = char.ToLowerInvariant(c);
            if (pendingSpace && IsLatinOrDigit(lower) && IsLatinOrDigit(folded[^1]))
            {
                folded.Append(' ');
            }
            pendingSpace = false;
            folded.Append(lower);
        }
        return ChineseNumerals(folded.ToString());
    }

    /// <summary>The folded text without the spaces <see cref="Fold"/> kept between words.</summary>
    public static string Squeeze(string folded) => folded.Contains(' ', StringComparison.Ordinal) ? folded.Replace(" ", "", StringComparison.Ordinal) : folded;

    public static bool IsLatinOrDigit(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9';

    /// <summary>A CJK ideograph (the unified block and extension A, where station names live).</summary>
    public static bool IsIdeograph(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    public static bool HasIdeograph(string text)
    {
        foreach (var c in text)
        {
            if (IsIdeograph(c))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Runs of Chinese numerals as Arabic numbers (<c>第二</c> → <c>第2</c>, <c>二十三号</c> → <c>23号</c>,
    /// <c>一〇五</c> → <c>105</c>). Words that merely contain a numeral (<c>三里屯</c>) change too, but the same way in
    /// every list, which is what a comparison needs.
    /// </summary>
    private static string ChineseNumerals(string text)
    {
        var start = IndexOfNumeral(text, 0);
        if (start < 0)
        {
            return text;
        }
        var result = new StringBuilder(text.Length);
        var copied = 0;
        while (start >= 0)
        {
            var end = start;
            while (end < text.Length && NumeralValue(text[end]) >= 0)
            {
                end++;
            }
            result.Append(text, copied, start - copied);
            result.Append(NumberOf(text.AsSpan(start, end - start)));
            copied = end;
            start = IndexOfNumeral(text, end);
        }
        result.Append(text, copied, text.Length - copied);
        return result.ToString();
    }

    private static int IndexOfNumeral(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (NumeralValue(text[i]) >= 0)
            {
                return i;
            }
        }
        return -1;
    }

    // 0-9 for digits, 10 and 100 for the multipliers, -1 for anything else.
    private static int NumeralValue(char c) => c switch
    {
        '〇' or '零' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        '十' => 10,
        '百' => 100,
        _ => -1,
    };

    // 二十三 = 23, 十二 = 12, 一百零五 = 105; without multipliers the numerals are read digit by digit (一〇五 = 105).
    private static string NumberOf(ReadOnlySpan<char> numerals)
    {
        var hasMultiplier = numerals.ContainsAny('十', '百');
        if (!hasMultiplier)
        {
            var digits = new StringBuilder(numerals.Length);
            foreach (var c in numerals)
            {
                digits.Append((char)('0' + NumeralValue(c)));
            }
            return digits.ToString();
        }
        long total = 0;
        long digit = 0;
        foreach (var c in numerals)
        {
            var value = NumeralValue(c);
            if (value >= 10)
            {
                total += (digit == 0 ? 1 : digit) * value;
                digit = 0;
            }
            else
            {
                digit = value;
            }
        }
        return (total + digit).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
