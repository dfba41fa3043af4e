using System.Reflection;
using System.Text.Json;
using StationMap.Domain.Queries;

namespace StationMap.Api.Infrastructure;

/// <summary>The members of a JSON body object that are not fields of the request, reported a few at a time.</summary>
public static class JsonFields
{
    /// <summary>Unknown members named one by one up to this; the rest are counted in one more problem.</summary>
    public const int MaxNamed = 3;

    /// <summary>The camel-case JSON names of a body record's properties, in declaration order.</summary>
    public static IReadOnlyList<string> Of<T>() =>
        [.. typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .OrderBy(p => p.MetadataToken)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))];

    public static void ReportUnknown(JsonElement body, IReadOnlyCollection<string> fields, StringComparer comparer, List<ParameterProblem> found)
    {
        var unknown = 0;
        foreach (var property in body.EnumerateObject())
        {
            if (fields.Contains(property.Name, comparer))
            {
                continue;
            }
            if (++unknown <= MaxNamed)
            {
                found.Add(new(property.Name, $"is not a known field; expected any of {string.Join(", ", fields)}"));
            }
        }
        if (unknown > MaxNamed)
        {
            found.Add(new("body", $"has {unknown - MaxNamed} more unknown field(s)"));
        }
    }
}
