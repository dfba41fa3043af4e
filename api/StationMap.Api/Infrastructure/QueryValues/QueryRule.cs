namespace StationMap.Api.Infrastructure.QueryValues;

/// <summary>What one parameter allows: its wire name, whether it must be given, and its range (inclusive unless said).</summary>
public sealed record QueryRule(string Name, string? MissingReason = null, double? Min = null, double? Max = null, bool MinExclusive = false)
{
    public bool HasRange => Min is not null && Max is not null;
}
