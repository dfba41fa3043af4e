using System.Text;

namespace StationMap.Domain.Search;

/// <summary>
/// The one form search compares text in, for queries and stations alike: Unicode NFKC (full-width letters, digits
/// and spaces become their usual forms, ① becomes 1), lower case, and only letters and digits kept (spaces,
/// punctuation and symbols dropped), so "前门 大街１２号", "前门大街12号" and "前门大街(12号)" read the same.
/// </summary>
public static class SearchText
{
    /// <summary>A query is searched for by its first this many characters once normalised.</summary>
    public const int MaxQueryLength = 100;

    public static string Normalise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var composed = Compose(text);
        Span<char> buffer = composed.Length <= 256 ? stackalloc char[composed.Length * 2] : new char[composed.Length * 2];
        var length = 0;
        foreach (var rune in composed.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                length += Rune.ToLowerInvariant(rune).EncodeToUtf16(buffer[length..]);
            }
        }
        return length == composed.Length && buffer[..length].SequenceEqual(composed.AsSpan()) ? composed : new string(buffer[..length]);
    }

    /// <summary>
    /// <paramref name="normalised"/> without any of the <see cref="GenericSuffixes"/>, wherever they stand (each word
    /// removed in one pass, longest first).
    /// </summary>
    public static string WithoutGenericSuffixes(string normalised)
    {
        foreach (var suffix in GenericSuffixes.Normalised)
        {
            if (normalised.Contains(suffix, StringComparison.Ordinal))
            {
                normalised = normalised.Replace(suffix, "", StringComparison.Ordinal);
            }
        }
        return normalised;
    }

    /// <summary>
    /// What a query searches for: normalised, cut at <see cref="MaxQueryLength"/> characters, without its generic
    /// suffixes; a query that is nothing but generic suffixes searches for the first of them ("驿站" for 驿站,
    /// "暖心驿站 户外劳动者服务站" for 暖心驿站). Empty when the query holds no letter or digit.
    /// </summary>
    public static string QueryCore(string query)
    {
        var normalised = Normalise(query);
        if (normalised.Length > MaxQueryLength)
        {
            // Never half a surrogate pair.
            normalised = normalised[..(char.IsHighSurrogate(normalised[MaxQueryLength - 1]) ? MaxQueryLength - 1 : MaxQueryLength)];
        }
        var core = WithoutGenericSuffixes(normalised);
        return core.Length > 0 || normalised.Length == 0 ? core : FirstSuffix(normalised);
    }

    // The suffix that starts first in a text made of suffixes only (the longest, where two start together).
    private static string FirstSuffix(string normalised) =>
        GenericSuffixes.Normalised
            .Select(suffix => (Suffix: suffix, At: normalised.IndexOf(suffix, StringComparison.Ordinal)))
            .Where(found => found.At >= 0)
            .OrderBy(found => found.At).ThenByDescending(found => found.Suffix.Length)
            .First().Suffix;

    // Text that is not well-formed UTF-16 (a lone surrogate) has no normal form; its other characters still count.
    private static string Compose(string text)
    {
        try
        {
            return text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }
}
