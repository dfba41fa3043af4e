using StationMap.Domain.Queries;

namespace StationMap.Api.Endpoints;

/// <summary>Turns parameter problems into one RFC 7807 answer that names every parameter at fault.</summary>
internal static class ValidationProblems
{
    public static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem From(IReadOnlyList<ParameterProblem> problems)
    {
        var errors = problems
            .GroupBy(p => p.Parameter)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Reason).ToArray());
        var detail = string.Join("; ", problems.Select(p => $"{p.Parameter} {p.Reason}"));
        return TypedResults.ValidationProblem(errors, detail: detail, title: "Invalid request parameters");
    }

    public static Func<string, string?> Lookup(HttpRequest request) =>
        name => request.Query.TryGetValue(name, out var values) ? values.ToString() : null;
}
