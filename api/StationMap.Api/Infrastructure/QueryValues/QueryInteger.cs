using System.Globalization;
using StationMap.Domain.Queries;

namespace StationMap.Api.Infrastructure.QueryValues;

/// <summary>A whole number.</summary>
public sealed class QueryInteger : QueryValue
{
    private QueryInteger(string raw) : base(raw) =>
        Value = int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public int? Value { get; }

    public static bool TryParse(string? text, out QueryInteger value)
    {
        value = new QueryInteger(text ?? "");
        return true;
    }

    public override void Check(QueryRule rule, List<ParameterProblem> problems)
    {
        if (Value is not { } value)
        {
            problems.Add(new(rule.Name, $"must be a whole number, got '{Echo(Raw)}'"));
        }
        else if (rule is { Min: { } min, Max: { } max } && (value < min || value > max))
        {
            problems.Add(new(rule.Name, $"must be between {Format(min)} and {Format(max)}, got {value}"));
        }
    }
}
