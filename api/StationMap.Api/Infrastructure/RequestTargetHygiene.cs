using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using StationMap.Domain.Queries;

namespace StationMap.Api.Infrastructure;

/// <summary>
/// Refuses, before any endpoint sees it, a request target that is not clean text: a path or query holding a NUL or bytes
/// that are not UTF-8 (400, naming the parameter or <c>path</c>), a query longer than the limit (414) or with too many
/// parameters (400), and a parameter given more than once (400). Repeated parameters are refused rather than "first
/// wins" because a proxy, a cache and this API could each pick a different one; no endpoint takes a parameter twice
/// (lists are comma-separated).
/// </summary>
internal sealed class RequestTargetHygiene(RequestDelegate next, IOptions<RequestLimitsOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var refusal = Check(context.Request, context.Features.Get<IHttpRequestFeature>()?.RawTarget, options.Value);
        return refusal is null ? next(context) : refusal.ExecuteAsync(context);
    }

    private static IResult? Check(HttpRequest request, string? rawTarget, RequestLimitsOptions limits)
    {
        var rawPath = rawTarget is { Length: > 0 } && rawTarget[0] == '/' ? rawTarget.AsSpan(0, IndexOfQuery(rawTarget)) : request.Path.Value.AsSpan();
        if (Reason(PercentEncoding.Decode(rawPath, plusIsSpace: false, out _)) is { } pathReason)
        {
            return Refuse(StatusCodes.Status400BadRequest, "Invalid request path", "path", pathReason);
        }
        var query = request.QueryString.Value;
        if (string.IsNullOrEmpty(query) || query == "?")
        {
            return null;
        }
        var raw = query.AsSpan(1);
        if (raw.Length > limits.MaxQueryLength)
        {
            return Refuse(StatusCodes.Status414UriTooLong, "Query string too long", "query",
                $"must be at most {limits.MaxQueryLength} bytes, got {raw.Length}");
        }
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<ParameterProblem>();
        var count = 0;
        foreach (var range in raw.Split('&'))
        {
            var pair = raw[range];
            if (pair.IsEmpty)
            {
                continue;
            }
            if (++count > limits.MaxQueryParameters)
            {
                return Refuse(StatusCodes.Status400BadRequest, "Invalid request parameters", "query",
                    $"must have at most {limits.MaxQueryParameters} parameters");
            }
            var equals = pair.IndexOf('=');
            var rawName = equals < 0 ? pair : pair[..equals];
            var nameState = PercentEncoding.Decode(rawName, plusIsSpace: true, out var name);
            if (Reason(nameState) is { } nameReason)
            {
                problems.Add(new ParameterProblem("query", $"has a parameter name that {nameReason}"));
                continue;
            }
            if (equals >= 0 && Reason(PercentEncoding.Decode(pair[(equals + 1)..], plusIsSpace: true, out _)) is { } valueReason)
            {
                problems.Add(new ParameterProblem(name, valueReason));
            }
            if (!names.Add(name))
            {
                problems.Add(new ParameterProblem(name, "is given more than once; give it once (lists are comma-separated)"));
            }
        }
        return problems.Count == 0 ? null : ValidationProblems.From(problems);
    }

    private static int IndexOfQuery(string rawTarget) => rawTarget.IndexOf('?') is var i and >= 0 ? i : rawTarget.Length;

    private static string? Reason(DecodedText decoded) => decoded switch
    {
        DecodedText.InvalidUtf8 => "is not valid UTF-8 once percent-decoded",
        DecodedText.Nul => "contains a NUL character (%00)",
        _ => null,
    };

    private static IResult Refuse(int status, string title, string field, string reason) =>
        ValidationProblems.WithStatus(status, title, [new ParameterProblem(field, reason)]);
}
