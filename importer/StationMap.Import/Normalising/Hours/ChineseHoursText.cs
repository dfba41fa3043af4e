using System.Text;

namespace StationMap.Import.Normalising.Hours;

/// <summary>
/// The characters of hours as spreadsheets type them, reduced to one spelling each before reading: full-width digits,
/// colons and brackets (Chinese input methods) become ASCII, every dash and tilde used between times or days becomes
/// '-', and sentence breaks become ';'.
/// </summary>
internal static class ChineseHoursText
{
    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var d = c switch
            {
                // U+FF01-U+FF5E are ASCII's full-width forms, 0xFEE0 above them.
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' or '\t' => ' ',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\u301C' or '\uFE58' => '-',
                '\u3002' or '\r' or '\n' => ';',
                _ => c,
            };
            d = d is '~' ? '-' : d;
            // "——" and "--" are one dash.
            if (d == '-' && folded.Length > 0 && folded[^1] == '-')
            {
                continue;
            }
            folded.Append(d);
        }
        return folded.ToString();
    }
}
