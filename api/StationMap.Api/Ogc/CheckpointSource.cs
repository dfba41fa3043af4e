using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using StationMap.Api.Checkpoints;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Store.Checkpoints;
using StationMap.Store.Ogc;

namespace StationMap.Api.Ogc;

/// <summary>The police and highway checkpoints (public, like <c>/api/checkpoints</c>).</summary>
public sealed class CheckpointSource(FeatureTables tables) : TableSource<CheckpointQueryables, StoredCheckpoint>(tables, FeatureTables.Checkpoints)
{
    public override string Route => "checkpoints";

    public override string OperationName => "Checkpoints";

    public override Type PropertiesType => typeof(CheckpointProperties);

    public override string ItemsWorstCase => "every checkpoint (operator-imported, hundreds) counted and a page read by id: a few ms.";

    protected override string Title => "检查站 Checkpoints";

    protected override string Description => "公安和公路检查站，货车司机在此停靠。Police and highway checkpoints where truck drivers stop.";

    protected override IReadOnlyDictionary<string, string> Filters(CheckpointQueryables queryables) =>
        Given(("district", QueryText.Of(queryables.District)));

    protected override SourcedFeature Feature(StoredCheckpoint row) =>
        new(row.Id, row.Checkpoint.Lat, row.Checkpoint.Lon, new CheckpointProperties(row.Checkpoint.Name, row.Checkpoint.Road, row.Checkpoint.District));
}

/// <summary>The filters of the checkpoints' items, by property.</summary>
public sealed record CheckpointQueryables : IQueryParameters
{
    [FromQuery(Name = "district"), Description("The district as the checkpoint list names it (e.g. 房山区); every district when absent.")]
    public QueryText? District { get; init; }
}
