using System.Globalization;
using StationMap.Domain.Queries;

namespace StationMap.Api.Infrastructure.QueryValues;

/// <summary>A row's id (a whole number, 0 or more, up to 64 bits), such as the cursor of a paged list.</summary>
public sealed class QueryId : QueryValue
{
    private QueryId(string raw) : base(raw) =>
        Value = long.TryParse(raw, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var value) ? value : null;

    public long? Value { get; }

    public static bool TryParse(string? text, out QueryId value)
    {
        value = new QueryId(text ?? "");
        return true;
    }

    public override void Check(QueryRule rule, List<ParameterProblem> problems)
    {
        if (Value is null)
        {
            problems.Add(new(rule.Name, $"must be an id (a whole number, 0 or more), got '{Echo(Raw)}'"));
        }
    }
}
