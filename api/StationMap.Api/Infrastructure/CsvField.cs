using StationMap.Import.Reading;

namespace StationMap.Api.Infrastructure;

/// <summary>One field of a CSV file we write, as RFC 4180 and spreadsheets want it.</summary>
internal static class CsvField
{
    /// <summary>
    /// RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so that spreadsheets do not run it as a formula
    /// (<see cref="FormulaGuard"/>: the importer takes it off again).
    /// </summary>
    public static string Quote(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        value = FormulaGuard.Protect(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
