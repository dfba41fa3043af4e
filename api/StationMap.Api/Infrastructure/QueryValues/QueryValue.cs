using System.Globalization;
using StationMap.Domain.Queries;

namespace StationMap.Api.Infrastructure.QueryValues;

/// <summary>
/// One query-string value as the client sent it. Binding one never fails: ASP.NET's own binding of a bad
/// <c>double</c> answers a bare 400 at the first bad value, while ours names every parameter at fault and why,
/// all at once (<see cref="QueryCheck"/>). The parsed value is read once the check has passed.
/// </summary>
public abstract class QueryValue(string raw)
{
    public string Raw { get; } = raw;

    /// <summary>An empty or blank value counts as absent, as it always has.</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Raw);

    /// <summary>Adds what is wrong with this value, given what its parameter allows.</summary>
    public abstract void Check(QueryRule rule, List<ParameterProblem> problems);

    protected static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>Echoes at most 40 characters of what the client sent.</summary>
    protected static string Echo(string raw) => raw.Length <= 40 ? raw : raw[..40] + "…";
}
