using System.Globalization;
using StationMap.Domain.Queries;

namespace StationMap.Api.Infrastructure.QueryValues;

/// <summary>A calendar month as <c>yyyy-MM</c>, within the years <see cref="QueryDate"/> allows.</summary>
public sealed class QueryMonth : QueryValue
{
    private QueryMonth(string raw) : base(raw) =>
        First = DateOnly.TryParseExact(raw.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>The month's first day, or null when the text is not a month.</summary>
    public DateOnly? First { get; }

    public static bool TryParse(string? text, out QueryMonth value)
    {
        value = new QueryMonth(text ?? "");
        return true;
    }

    public override void Check(QueryRule rule, List<ParameterProblem> problems)
    {
        if (First is not { } first)
        {
            problems.Add(new(rule.Name, $"must be a month as yyyy-MM, got '{Echo(Raw)}'"));
        }
        else if (first < QueryDate.Earliest || first > QueryDate.Latest)
        {
            problems.Add(new(rule.Name, $"must be between {QueryDate.Earliest:yyyy-MM} and {QueryDate.Latest:yyyy-MM}, got {first:yyyy-MM}"));
        }
    }
}
