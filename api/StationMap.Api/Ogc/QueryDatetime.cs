using System.Globalization;
using Microsoft.OpenApi;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Domain.Queries;

namespace StationMap.Api.Ogc;

/// <summary>
/// The <c>datetime</c> of OGC API – Features: an RFC 3339 instant or date, or an interval of two with <c>..</c> for an
/// open end. Checked, then matched by every feature: stations, checkpoints and sites carry no time of their own.
/// </summary>
public sealed class QueryDatetime : QueryValue, IQueryValueSchema
{
    private QueryDatetime(string raw) : base(raw)
    {
    }

    public static bool TryParse(string? text, out QueryDatetime value)
    {
        value = new QueryDatetime(text ?? "");
        return true;
    }

    public override void Check(QueryRule rule, List<ParameterProblem> problems)
    {
        var ends = Raw.Trim().Split('/');
        var valid = ends.Length switch
        {
            1 => IsInstant(ends[0]),
            2 => (IsInstant(ends[0]) || IsOpen(ends[0])) && (IsInstant(ends[1]) || IsOpen(ends[1])) && !(IsOpen(ends[0]) && IsOpen(ends[1])),
            _ => false,
        };
        if (!valid)
        {
            problems.Add(new(rule.Name, $"must be an RFC 3339 date or date-time, or an interval of two ('..' for an open end), got '{Echo(Raw)}'"));
        }
    }

    private static bool IsOpen(string end) => end is "" or "..";

    private static bool IsInstant(string end) =>
        DateOnly.TryParseExact(end, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
        || (end.Contains('T', StringComparison.OrdinalIgnoreCase)
            && DateTimeOffset.TryParse(end, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _));

    public static void Describe(OpenApiSchema schema) => (schema.Type, schema.Format) = (JsonSchemaType.String, null);
}
