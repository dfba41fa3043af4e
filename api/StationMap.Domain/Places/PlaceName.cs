namespace StationMap.Domain.Places;

/// <summary>
/// A station's name as the matcher compares it: the company it names (by <see cref="PlaceNameRules"/>), and what is
/// left once the company, the generic words, a leading city and a trailing outlet word are gone — the part that says
/// which outlet it is. <c>中国工商银行北京前门支行 暖心驿站</c> and <c>工行前门支行户外劳动者服务站</c> are both brand
/// 工商银行 with core <c>前门</c>.
/// </summary>
public sealed class PlaceName
{
    private PlaceName(int brand, string core, int[] bigrams, bool latin)
    {
        Brand = brand;
        Core = core;
        Bigrams = bigrams;
        IsLatin = latin;
    }

    /// <summary>The brand's number in <see cref="PlaceNameRules.Brands"/>, or -1 when the name names none.</summary>
    public int Brand { get; }

    /// <summary>The folded rest of the name, without spaces; empty when the name is the company alone.</summary>
    public string Core { get; }

    /// <summary>The core's character bigrams, with start and end marks, sorted (a multiset).</summary>
    internal int[] Bigrams { get; }

    /// <summary>Written in Latin letters only (an English or pinyin name), so not comparable letter by letter with a Chinese one.</summary>
    public bool IsLatin { get; }

    public static PlaceName Of(string name, PlaceNameRules rules)
    {
        var text = PlaceText.Fold(name);
        var brand = -1;
        foreach (var (alias, id, latin) in rules.Aliases)
        {
            var at = IndexOfWord(text, alias, latin);
            if (at >= 0)
            {
                brand = id;
                text = text.Remove(at, alias.Length);
                break;
            }
        }
        var latinName = !PlaceText.HasIdeograph(text) && text.Any(char.IsLetter);
        text = PlaceText.Squeeze(text);
        foreach (var generic in rules.Generic)
        {
            if (text.Contains(generic, StringComparison.Ordinal))
            {
                text = text.Replace(generic, "", StringComparison.Ordinal);
            }
        }
        // One city at the start (中国工商银行北京前门支行), only when a name is left after it; Tianjin has a 河北区, so
        // never two.
        foreach (var region in rules.Regions)
        {
            if (text.Length >= region.Length + 2 && text.StartsWith(region, StringComparison.Ordinal))
            {
                text = text[region.Length..];
                break;
            }
        }
        foreach (var unit in rules.Units)
        {
            if (text.Length > unit.Length && text.EndsWith(unit, StringComparison.Ordinal))
            {
                text = text[..^unit.Length];
                break;
            }
        }
        return new PlaceName(brand, text, BigramsOf(text), latinName);
    }

    /// <summary>
    /// Sørensen–Dice coefficient of the two cores' bigram multisets (1: the same, 0: nothing in common); two empty
    /// cores (both names are the company alone) are the same.
    /// </summary>
    public double Similarity(PlaceName other) => Dice(Bigrams, other.Bigrams);

    internal static double Dice(int[] a, int[] b)
    {
        var common = 0;
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return 2.0 * common / (a.Length + b.Length);
    }

    // Character bigrams of "^text$": a one-character core still has two, and a core's first and last characters
    // count as much as its middle ones.
    internal static int[] BigramsOf(string text)
    {
        var bigrams = new int[text.Length + 1];
        var previous = '\u0002';
        for (var i = 0; i < text.Length; i++)
        {
            bigrams[i] = (previous << 16) | text[i];
            previous = text[i];
        }
        bigrams[text.Length] = (previous << 16) | '\u0003';
        Array.Sort(bigrams);
        return bigrams;
    }

    private static int IndexOfWord(string text, string alias, bool latin)
    {
        var from = 0;
        while (from <= text.Length - alias.Length)
        {
            var at = text.IndexOf(alias, from, StringComparison.Ordinal);
            if (at < 0)
            {
                return -1;
            }
            if (!latin || (IsBoundary(text, at - 1) && IsBoundary(text, at + alias.Length)))
            {
                return at;
            }
            from = at + 1;
        }
        return -1;
    }

    private static bool IsBoundary(string text, int index) =>
        index < 0 || index >= text.Length || !PlaceText.IsLatinOrDigit(text[index]);
}
