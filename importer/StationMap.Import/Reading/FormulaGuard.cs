namespace StationMap.Import.Reading;

/// <summary>
/// The apostrophe that keeps a spreadsheet from running a text as a formula: files we write put it before a text that
/// starts with =, +, - or @ (names come from imported files and, through them, from anyone), and the readers take it
/// off again, so such a text survives an export and a re-import unchanged.
/// </summary>
public static class FormulaGuard
{
    public static string Protect(string value) => StartsLikeFormula(value.AsSpan()) ? "'" + value : value;

    /// <summary><paramref name="value"/> without the apostrophe <see cref="Protect"/> puts in front.</summary>
    public static ReadOnlySpan<char> Unprotect(ReadOnlySpan<char> value) =>
        value.Length > 1 && value[0] == '\'' && StartsLikeFormula(value[1..]) ? value[1..] : value;

    private static bool StartsLikeFormula(ReadOnlySpan<char> value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@';
}
