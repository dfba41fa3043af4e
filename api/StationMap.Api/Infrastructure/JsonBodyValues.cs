using System.Globalization;
using System.Text.Json;
using StationMap.Domain.Queries;

namespace StationMap.Api.Infrastructure;

/// <summary>
/// Reads the fields of a JSON body one by one, naming each field at fault with the reason, for the endpoints that parse
/// their bodies by hand (so that a bad value is named, not a bare 400 from the serializer).
/// </summary>
internal static class JsonBodyValues
{
    public static double? Number(JsonElement body, string name, double min, double max, bool minExclusive, List<ParameterProblem> found)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (!FiniteNumber(value, out var number))
        {
            found.Add(new(name, $"must be a number, got {Describe(value)}"));
            return null;
        }
        if (number > max || number < min || (minExclusive && number == min))
        {
            var lower = minExclusive ? $"greater than {Format(min)}" : $"at least {Format(min)}";
            found.Add(new(name, $"must be {lower} and at most {Format(max)}, got {Format(number)}"));
            return null;
        }
        return number;
    }

    public static int? Integer(JsonElement body, string name, int min, int max, List<ParameterProblem> found)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < min || number > max)
        {
            found.Add(new(name, $"must be a whole number between {min} and {max}, got {Truncate(value.GetRawText())}"));
            return null;
        }
        return number;
    }

    public static bool Bool(JsonElement body, string name, List<ParameterProblem> found)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }
        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            found.Add(new(name, $"must be true or false, got {Describe(value)}"));
            return false;
        }
        return value.GetBoolean();
    }

    public static bool FiniteNumber(JsonElement value, out double number)
    {
        number = 0;
        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out number) && double.IsFinite(number);
    }

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => $"an array of {value.GetArrayLength()}",
        JsonValueKind.String => $"the string {Truncate(value.GetRawText())}",
        _ => Truncate(value.GetRawText()),
    };

    public static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    public static string Truncate(string raw) => raw.Length <= 40 ? raw : raw[..40] + "…";

    /// <summary>A string field of at most <paramref name="maxLength"/> characters; null when absent (or JSON null).</summary>
    public static string? Text(JsonElement body, string name, int maxLength, List<ParameterProblem> found)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            found.Add(new(name, $"must be a string, got {Describe(value)}"));
            return null;
        }
        var text = value.GetString()!;
        if (text.Length > maxLength)
        {
            found.Add(new(name, string.Create(CultureInfo.InvariantCulture, $"must be at most {maxLength} characters, got {text.Length}")));
            return null;
        }
        return text;
    }
}
