namespace StationMap.Import.Normalising;

/// <summary>Common spreadsheet spellings of opening hours rewritten into <c>opening_hours</c> syntax.</summary>
public static class OpeningHoursText
{
    private static readonly string[] AlwaysOpen = ["24小时", "全天", "全天24小时", "24小时开放", "全天开放", "24h", "24/7", "7x24小时", "7×24小时"];

    public static string Normalise(string text)
    {
        var trimmed = text.Trim();
        if (AlwaysOpen.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
        {
            return "24/7";
        }
        return trimmed.Replace('：', ':').Replace('～', '-').Replace('~', '-').Replace('—', '-').Replace('－', '-')
            .Replace("至", "-", StringComparison.Ordinal).Replace('；', ';').Replace('，', ',');
    }
}
