using StationMap.Domain.Queries;

namespace StationMap.Api.Infrastructure.QueryValues;

/// <summary>A yes/no switch: true, 1 or yes; false, 0 or no (any case).</summary>
public sealed class QueryFlag : QueryValue
{
    private QueryFlag(string raw) : base(raw) => Value = raw.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => null,
    };

    public bool? Value { get; }

    public static bool TryParse(string? text, out QueryFlag value)
    {
        value = new QueryFlag(text ?? "");
        return true;
    }

    public override void Check(QueryRule rule, List<ParameterProblem> problems)
    {
        if (Value is null)
        {
            problems.Add(new(rule.Name, $"must be true or false, got '{Echo(Raw)}'"));
        }
    }
}
