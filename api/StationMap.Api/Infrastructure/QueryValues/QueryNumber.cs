using System.Globalization;
using StationMap.Domain.Queries;

namespace StationMap.Api.Infrastructure.QueryValues;

/// <summary>A finite decimal number (invariant culture, exponent allowed).</summary>
public sealed class QueryNumber : QueryValue
{
    private QueryNumber(string raw) : base(raw) =>
        Value = double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    /// <summary>The number, or null when the text is not one.</summary>
    public double? Value { get; }

    public static bool TryParse(string? text, out QueryNumber value)
    {
        value = new QueryNumber(text ?? "");
        return true;
    }

    public override void Check(QueryRule rule, List<ParameterProblem> problems)
    {
        if (Value is not { } value)
        {
            problems.Add(new(rule.Name, $"must be a number, got '{Echo(Raw)}'"));
        }
        else if (rule is { Min: { } min, Max: { } max } && (value > max || value < min || (rule.MinExclusive && value == min)))
        {
            var lower = rule.MinExclusive ? $"greater than {Format(min)}" : $"at least {Format(min)}";
            problems.Add(new(rule.Name, $"must be {lower} and at most {Format(max)}, got {Format(value)}"));
        }
    }
}
