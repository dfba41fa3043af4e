using StationMap.Domain.Queries;

namespace StationMap.Api.Infrastructure.QueryValues;

/// <summary>Free text compared as it is stored, such as a district's name (trimmed; at most <see cref="MaxLength"/> characters).</summary>
public sealed class QueryText : QueryValue
{
    public const int MaxLength = 100;

    private QueryText(string raw) : base(raw)
    {
    }

    /// <summary>The text, trimmed.</summary>
    public string Value => Raw.Trim();

    /// <summary>The text given; null when the parameter is absent or blank.</summary>
    public static string? Of(QueryText? value) => value is null || value.IsBlank ? null : value.Value;

    public static bool TryParse(string? text, out QueryText value)
    {
        value = new QueryText(text ?? "");
        return true;
    }

    public override void Check(QueryRule rule, List<ParameterProblem> problems)
    {
        if (Value.Length > MaxLength)
        {
            problems.Add(new(rule.Name, $"must be at most {MaxLength} characters, got {Value.Length}"));
        }
    }
}
