using StationMap.Domain.Queries;

namespace StationMap.Api.Infrastructure.QueryValues;

/// <summary>A WGS-84 box <c>minLon,minLat,maxLon,maxLat</c> (the RFC 7946 bbox order).</summary>
public sealed class QueryBox : QueryValue
{
    public const string Missing = "is required as minLon,minLat,maxLon,maxLat";

    private readonly string _reason;

    private QueryBox(string raw) : base(raw) =>
        Value = BoundingBox.TryParse(raw, out var box, out _reason) ? box : null;

    public BoundingBox? Value { get; }

    public static bool TryParse(string? text, out QueryBox value)
    {
        value = new QueryBox(text ?? "");
        return true;
    }

    public override void Check(QueryRule rule, List<ParameterProblem> problems)
    {
        if (Value is null)
        {
            problems.Add(new(rule.Name, _reason));
        }
    }
}
