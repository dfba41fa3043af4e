using System.Globalization;
using System.Text;
using System.Text.Json;

namespace StationMap.Integration.Tests.Hostile;

/// <summary>One hostile input from <c>cases.json</c>, with its macros expanded.</summary>
public sealed record HostileCase(
    string Name, string? Method, string? Path, string? Route, string Query, byte[]? Body, bool HasContentType, string? ContentType,
    IReadOnlyDictionary<string, string> Headers, bool ServerRefuses)
{
    private static readonly Lazy<IReadOnlyList<HostileCase>> Corpus = new(Load);

    public static IReadOnlyList<HostileCase> All => Corpus.Value;

    public override string ToString() => Name;

    private static List<HostileCase> Load()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "Hostile", "cases.json")));
        return [.. file.RootElement.GetProperty("cases").EnumerateArray().Select(c =>
        {
            string? Text(string name) => c.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var hasContentType = c.TryGetProperty("contentType", out _);
            var body = Text("body");
            return new HostileCase(
                Text("name")!, Text("method"), Text("path"), Text("route"), Encoding.ASCII.GetString(Expand(Text("query") ?? "")),
                body is null ? null : Expand(body),
                hasContentType || body is not null,
                hasContentType ? Text("contentType") : "application/json",
                c.TryGetProperty("headers", out var headers)
                    ? headers.EnumerateObject().ToDictionary(h => h.Name, h => Encoding.UTF8.GetString(Expand(h.Value.GetString()!)))
                    : new Dictionary<string, string>(),
                c.TryGetProperty("serverRefuses", out var refuses) && refuses.GetBoolean());
        })];
    }

    /// <summary>Expands <c>⟦repeat N TEXT⟧</c>, <c>⟦keys N⟧</c> and <c>⟦hex HH⟧</c> into the bytes to send.</summary>
    private static byte[] Expand(string text)
    {
        var bytes = new List<byte>();
        var at = 0;
        while (text.IndexOf('⟦', at) is var open and >= 0)
        {
            var close = text.IndexOf('⟧', open);
            bytes.AddRange(Encoding.UTF8.GetBytes(text[at..open]));
            var macro = text[(open + 1)..close];
            var space = macro.IndexOf(' ');
            var (verb, argument) = (macro[..space], macro[(space + 1)..]);
            switch (verb)
            {
                case "repeat":
                    var split = argument.IndexOf(' ');
                    var unit = Encoding.UTF8.GetBytes(argument[(split + 1)..]);
                    for (var i = int.Parse(argument[..split], CultureInfo.InvariantCulture); i > 0; i--)
                    {
                        bytes.AddRange(unit);
                    }
                    break;
                case "keys":
                    var count = int.Parse(argument, CultureInfo.InvariantCulture);
                    bytes.AddRange(Encoding.ASCII.GetBytes(string.Join(",", Enumerable.Range(0, count).Select(i => $"\"k{i}\":0"))));
                    break;
                case "hex":
                    bytes.Add(byte.Parse(argument, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    break;
                default:
                    throw new InvalidDataException($"unknown macro {macro}");
            }
            at = close + 1;
        }
        bytes.AddRange(Encoding.UTF8.GetBytes(text[at..]));
        return [.. bytes];
    }
}
