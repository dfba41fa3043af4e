using StationMap.Domain.Queries;

namespace StationMap.Api.Infrastructure.QueryValues;

/// <summary>
/// A name as the data spells it (a district such as 朝阳区, a source): any text up to <see cref="MaxLength"/>
/// characters, trimmed; blank counts as absent. (Unclean text, NUL or bad UTF-8, never gets this far.)
/// </summary>
public sealed class QueryName : QueryValue
{
    public const int MaxLength = 200;

    private QueryName(string raw) : base(raw)
    {
    }

    /// <summary>The name, trimmed; null when blank.</summary>
    public static string? Of(QueryName? value) => value is null || value.IsBlank ? null : value.Raw.Trim();

    public static bool TryParse(string? text, out QueryName value)
    {
        value = new QueryName(text ?? "");
        return true;
    }

    public override void Check(QueryRule rule, List<ParameterProblem> problems)
    {
        if (Raw.Trim().Length > MaxLength)
        {
            problems.Add(new(rule.Name, $"must be a name of at most {MaxLength} characters, got {Raw.Trim().Length}"));
        }
    }
}
