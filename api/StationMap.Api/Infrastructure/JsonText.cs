using System.Text.Json;
using System.Text.Unicode;
using StationMap.Domain.Queries;

namespace StationMap.Api.Infrastructure;

/// <summary>
/// One pass over a JSON text before it is parsed for use: it must be JSON, nest at most so deep, and every member name
/// and string must be UTF-8 text without NUL. System.Text.Json checks none of the last two until a string is read (then
/// it throws), and PostgreSQL refuses a NUL.
/// </summary>
internal static class JsonText
{
    /// <summary>The first thing wrong, naming the member (<c>route.type</c>) or <c>body</c>; null when the text is fine.</summary>
    public static ParameterProblem? Check(ReadOnlySpan<byte> json, int maxDepth)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        // The member name at each depth, to name where a problem is.
        var path = new List<string>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (reader.CurrentDepth >= maxDepth)
                        {
                            return new ParameterProblem(Name(path, reader.CurrentDepth), $"nests deeper than {maxDepth} levels");
                        }
                        break;
                    case JsonTokenType.PropertyName:
                        // A member at depth d is path[d - 1]; levels that are arrays hold "".
                        var index = reader.CurrentDepth - 1;
                        if (Text(ref reader) is { } nameReason)
                        {
                            return new ParameterProblem(Name(path, index), $"has a member name that {nameReason}");
                        }
                        if (path.Count > index)
                        {
                            path.RemoveRange(index, path.Count - index);
                        }
                        while (path.Count < index)
                        {
                            path.Add("");
                        }
                        path.Add(reader.GetString()!);
                        break;
                    case JsonTokenType.String:
                        if (Text(ref reader) is { } valueReason)
                        {
                            return new ParameterProblem(Name(path, reader.CurrentDepth), valueReason);
                        }
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            return new ParameterProblem("body", $"is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
        }
        return null;
    }

    private static string? Text(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return Utf8.IsValid(reader.ValueSpan) ? null : "is not valid UTF-8";
        }
        try
        {
            // Escapes can spell a NUL (\u0000) or a lone surrogate (\ud800); unescaping says which.
            return reader.GetString()!.Contains('\0') ? "contains a NUL character (\\u0000)" : null;
        }
        catch (InvalidOperationException)
        {
            return "is not valid Unicode (a lone surrogate escape)";
        }
    }

    private static string Name(List<string> path, int depth = int.MaxValue)
    {
        var names = path.Take(depth).Where(n => n.Length > 0).ToList();
        return names.Count == 0 ? "body" : string.Join('.', names);
    }
}
