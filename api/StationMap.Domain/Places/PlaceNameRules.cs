using System.Text.Json;

namespace StationMap.Domain.Places;

/// <summary>
/// The words the matcher recognises in station names, kept as data (<c>place-names.json</c>, compiled into the
/// assembly): companies with every way lists write them (工行, 工商银行, 中国工商银行, ICBC), generic words for the kind of
/// station (暖心驿站, 户外劳动者服务站, 职工之家), city names put in front of branch names, and outlet words (支行, 加油站).
/// </summary>
public sealed class PlaceNameRules
{
    private const string ResourceName = "StationMap.Domain.Places.place-names.json";

    private static readonly Lazy<PlaceNameRules> Embedded = new(() => Parse(ReadEmbedded()));

    private PlaceNameRules(IReadOnlyList<string> brands, List<(string Alias, int Brand, bool Latin)> aliases,
        string[] generic, string[] regions, string[] units)
    {
        Brands = brands;
        // Longest first: 中国工商银行 before 工商银行, 中国邮政储蓄银行 before 中国邮政.
        Aliases = [.. aliases.OrderByDescending(a => a.Alias.Length).ThenBy(a => a.Alias, StringComparer.Ordinal)];
        Generic = [.. generic.OrderByDescending(g => g.Length).ThenBy(g => g, StringComparer.Ordinal)];
        Regions = [.. regions.OrderByDescending(r => r.Length).ThenBy(r => r, StringComparer.Ordinal)];
        Units = [.. units.OrderByDescending(u => u.Length).ThenBy(u => u, StringComparer.Ordinal)];
    }

    /// <summary>The rules of <c>place-names.json</c>.</summary>
    public static PlaceNameRules Default => Embedded.Value;

    /// <summary>Each company's canonical name; a brand's number is its position here.</summary>
    public IReadOnlyList<string> Brands { get; }

    /// <summary>Folded aliases with their brand, longest first; Latin ones match whole words only.</summary>
    internal (string Alias, int Brand, bool Latin)[] Aliases { get; }

    /// <summary>Folded generic words, longest first, without spaces.</summary>
    internal string[] Generic { get; }

    internal string[] Regions { get; }

    internal string[] Units { get; }

    /// <summary>Reads rules in the format of <c>place-names.json</c>, checking them as it goes.</summary>
    /// <exception cref="FormatException">A brand without a name or aliases, an alias of two brands, or an empty word.</exception>
    public static PlaceNameRules Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var brands = new List<string>();
        var aliases = new List<(string, int, bool)>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var brand in root.GetProperty("brands").EnumerateArray())
        {
            var name = brand.GetProperty("name").GetString();
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new FormatException("a brand has no name");
            }
            var count = 0;
            foreach (var alias in brand.GetProperty("aliases").EnumerateArray())
            {
                var folded = PlaceText.Fold(alias.GetString() ?? "");
                if (folded.Length == 0)
                {
                    throw new FormatException($"brand {name} has an empty alias");
                }
                if (seen.TryGetValue(folded, out var other) && other != name)
                {
                    throw new FormatException($"alias '{alias.GetString()}' names both {other} and {name}");
                }
                seen[folded] = name;
                aliases.Add((folded, brands.Count, !PlaceText.HasIdeograph(folded)));
                count++;
            }
            if (count == 0)
            {
                throw new FormatException($"brand {name} has no alias");
            }
            brands.Add(name);
        }
        return new PlaceNameRules(brands, aliases, Words(root, "generic"), Words(root, "regions"), Words(root, "units"));
    }

    private static string[] Words(JsonElement root, string property) =>
        [.. root.GetProperty(property).EnumerateArray().Select(w =>
        {
            var folded = PlaceText.Squeeze(PlaceText.Fold(w.GetString() ?? ""));
            return folded.Length > 0 ? folded : throw new FormatException($"an empty word in '{property}'");
        })];

    // The file is compiled into the assembly: reading it is not I/O, and the domain stays free of paths and files.
    private static string ReadEmbedded()
    {
        using var stream = typeof(PlaceNameRules).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"resource {ResourceName} is missing");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return System.Text.Encoding.UTF8.GetString(bytes);
    }
}
