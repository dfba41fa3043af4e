using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Store.Ogc;

namespace StationMap.Api.Ogc;

/// <summary>The planners' demand points, every layer (planner or operator key, like planning runs).</summary>
public sealed class DemandSource(FeatureTables tables) : TableSource<DemandQueryables, StoredDemandPoint>(tables, FeatureTables.Demand)
{
    public override string Route => "demand";

    public override string OperationName => "Demand";

    public override bool Keyed => true;

    public override Type PropertiesType => typeof(DemandProperties);

    public override string ItemsWorstCase =>
        "every demand point of every layer counted (the count reads each matching row; ~20 ms per 100,000) and a page of 5,000 read by id.";

    protected override string Title => "需求点 Demand";

    protected override string Description => "规划用的需求点（货运企业、快递站点、环卫站等），按人数加权。Demand points for planning, weighted by the workers they stand for.";

    protected override IReadOnlyDictionary<string, string> Filters(DemandQueryables queryables) =>
        Given(("layer", QueryText.Of(queryables.Layer)), ("district", QueryText.Of(queryables.District)));

    protected override SourcedFeature Feature(StoredDemandPoint row)
    {
        var d = row.Record;
        return new(row.Id, d.Lat, d.Lon, new DemandProperties(d.Name, d.Layer, d.Weight, d.District));
    }
}

/// <summary>A demand point as a layer shows it.</summary>
/// <param name="Weight">How many people it stands for (drivers, riders, workers).</param>
public sealed record DemandProperties(string Name, string Layer, double Weight, string? District);

/// <summary>The filters of the demand points' items, by property.</summary>
public sealed record DemandQueryables : IQueryParameters
{
    [FromQuery(Name = "layer"), Description("The demand layer (freight_drivers, courier_riders, ...; see /api/planning/layers); every layer when absent.")]
    public QueryText? Layer { get; init; }

    [FromQuery(Name = "district"), Description("The district as imported (e.g. 房山区); every district when absent.")]
    public QueryText? District { get; init; }
}
