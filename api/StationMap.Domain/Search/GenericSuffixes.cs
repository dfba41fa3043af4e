namespace StationMap.Domain.Search;

/// <summary>
/// Words that half the stations' names end with and that say nothing about which station is meant: a search
/// ignores them in the query ("前门驿站" finds "前门支行 暖心驿站"), and a name without them counts as the whole name.
/// One list, the only place these words are written; add to it here.
/// </summary>
public static class GenericSuffixes
{
    /// <summary>The words as written.</summary>
    public static IReadOnlyList<string> All { get; } = ["暖心驿站", "户外劳动者服务站", "职工之家", "驿站"];

    /// <summary>The words normalised, longest first, so that "暖心驿站" goes before its own "驿站".</summary>
    internal static string[] Normalised { get; } =
        [.. All.Select(SearchText.Normalise).Where(s => s.Length > 0).Distinct().OrderByDescending(s => s.Length).ThenBy(s => s, StringComparer.Ordinal)];
}
