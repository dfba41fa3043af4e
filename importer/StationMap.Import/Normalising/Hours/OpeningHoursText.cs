using StationMap.Domain.Hours;

namespace StationMap.Import.Normalising.Hours;

/// <summary>How an imported hours text is stored: as <c>opening_hours</c> when it is or can be made so.</summary>
/// <param name="Stored">What goes into <c>opening_hours</c>: the syntax when readable, otherwise the text as given.</param>
/// <param name="Original">The text as the source wrote it, when <paramref name="Stored"/> is a rewriting of it; else null.</param>
/// <param name="Problem">Why the text could not be read, or null.</param>
internal readonly record struct ImportedHours(string Stored, string? Original, string? Problem);

/// <summary>Opening hours as sources write them: OpenStreetMap syntax, or the Chinese forms of station lists.</summary>
internal static class OpeningHoursText
{
    public static ImportedHours Read(string raw)
    {
        var trimmed = raw.Trim();
        if (OpeningHours.TryParse(trimmed, out _, out var syntaxError))
        {
            return new ImportedHours(trimmed, null, null);
        }
        if (!ChineseHours.TryConvert(trimmed, out var osm, out var why))
        {
            return new ImportedHours(raw, null, $"{why}; not opening_hours either ({syntaxError.Reason} at position {syntaxError.Position})");
        }
        return OpeningHours.TryParse(osm, out _, out var converted)
            ? new ImportedHours(osm, raw, null)
            : new ImportedHours(raw, null, $"read as '{osm}', which does not parse ({converted.Reason})");
    }
}
