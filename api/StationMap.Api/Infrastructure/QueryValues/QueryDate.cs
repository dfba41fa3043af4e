using System.Globalization;
using StationMap.Domain.Queries;

namespace StationMap.Api.Infrastructure.QueryValues;

/// <summary>A calendar day as <c>yyyy-MM-dd</c> (ISO 8601), between <see cref="Earliest"/> and <see cref="Latest"/>.</summary>
public sealed class QueryDate : QueryValue
{
    // Far wider than any data we hold, and far enough from DateOnly's own ends that a default range derived from a
    // given day (a year back, a month ahead) can never overflow.
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(2099, 12, 31);

    private QueryDate(string raw) : base(raw) =>
        Value = DateOnly.TryParseExact(raw.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>The day, or null when the text is not one.</summary>
    public DateOnly? Value { get; }

    public static bool TryParse(string? text, out QueryDate value)
    {
        value = new QueryDate(text ?? "");
        return true;
    }

    public override void Check(QueryRule rule, List<ParameterProblem> problems)
    {
        if (Value is not { } day)
        {
            problems.Add(new(rule.Name, $"must be a date as yyyy-MM-dd, got '{Echo(Raw)}'"));
        }
        else if (day < Earliest || day > Latest)
        {
            problems.Add(new(rule.Name, $"must be between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}, got {day:yyyy-MM-dd}"));
        }
    }
}
