using System.Globalization;
using StationMap.Domain.Queries;

namespace StationMap.Api.Infrastructure;

/// <summary>
/// Turns parameter problems into one RFC 7807 answer that names every parameter at fault, bounded whatever the request:
/// a few reasons per field, a few fields, and no echoed name or reason longer than a line, so a 4 KB query or a body
/// of 75,000 unknown keys gets an answer of a few KB, not megabytes.
/// </summary>
internal static class ValidationProblems
{
    public const int MaxFields = 10;
    public const int MaxReasonsPerField = 3;
    public const int MaxFieldNameLength = 100;
    public const int MaxReasonLength = 300;

    public static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem From(IReadOnlyList<ParameterProblem> problems)
    {
        var (errors, detail) = Bounded(problems);
        return TypedResults.ValidationProblem(errors, detail: detail, title: "Invalid request parameters");
    }

    /// <summary>The same answer with another status (413, 414, 415, 408): <c>errors</c> as in a validation problem.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult WithStatus(
        int status, string title, IReadOnlyList<ParameterProblem> problems)
    {
        var (errors, detail) = Bounded(problems);
        return TypedResults.Problem(
            title: title, detail: detail, statusCode: status, extensions: new Dictionary<string, object?> { ["errors"] = errors });
    }

    private static (Dictionary<string, string[]> Errors, string Detail) Bounded(IReadOnlyList<ParameterProblem> problems)
    {
        var fields = problems.GroupBy(p => Shorten(p.Parameter, MaxFieldNameLength), StringComparer.Ordinal).ToList();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var field in fields.Take(MaxFields))
        {
            var reasons = field.Select(p => Shorten(p.Reason, MaxReasonLength)).ToList();
            errors[field.Key] = reasons.Count <= MaxReasonsPerField
                ? [.. reasons]
                : [.. reasons.Take(MaxReasonsPerField), string.Create(CultureInfo.InvariantCulture, $"… and {reasons.Count - MaxReasonsPerField} more")];
        }
        var detail = string.Join("; ", errors.Select(e => $"{e.Key} {e.Value[0]}"));
        if (fields.Count > MaxFields)
        {
            detail += string.Create(CultureInfo.InvariantCulture, $"; … and {fields.Count - MaxFields} more field(s) at fault");
        }
        return (errors, detail);
    }

    /// <summary>Cut to <paramref name="max"/> chars, never between the halves of a surrogate pair.</summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }
        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..cut] + "…";
    }
}
