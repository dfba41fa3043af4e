using StationMap.Domain;

namespace StationMap.Api.Infrastructure.QueryValues;

/// <summary>Station kinds, comma-separated (<c>warm_station,workers_home</c>); absent means every kind.</summary>
public sealed class QueryKinds : QueryList
{
    private QueryKinds(string raw) : base(raw)
    {
    }

    /// <summary>The kinds named, each once, in the order given; empty when the parameter is absent.</summary>
    public static IReadOnlyList<StationKind> Of(QueryKinds? value) => value is null || value.IsBlank
        ? []
        : [.. value.Items.Select(item => StationKinds.TryParse(item, out var kind) ? kind : (StationKind?)null).OfType<StationKind>().Distinct()];

    public static bool TryParse(string? text, out QueryKinds value)
    {
        value = new QueryKinds(text ?? "");
        return true;
    }

    protected override bool IsKnown(string item) => StationKinds.TryParse(item, out _);

    protected override string Unknown(string item) => $"unknown kind '{item}'; expected one of {string.Join(", ", StationKinds.WireNames)}";
}
