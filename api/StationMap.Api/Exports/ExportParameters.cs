using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Domain.Queries;
using StationMap.Store.Exports;

namespace StationMap.Api.Exports;

/// <summary>
/// The query string of the station exports (<c>GET /api/exports/stations.csv</c>, <c>.xlsx</c>, <c>.geojson</c>). A
/// parameter the exports do not read is refused: a filter mistyped or not offered (bbox) would otherwise export all.
/// </summary>
[RejectsUnknownParameters]
public sealed record ExportParameters : IQueryParameters
{
    [FromQuery(Name = "district"), Description("Only the stations of this district, as the station lists name it (e.g. 朝阳区); every district when absent or blank.")]
    public QueryText? District { get; init; }

    [FromQuery(Name = "kind"), Description("Station kinds, comma-separated (warm_station, workers_home, checkpoint_rest_stop); every kind when absent.")]
    public QueryKinds? Kind { get; init; }

    [FromQuery(Name = "source"), Description("Only this source's stations (what the importer's --source named); every source when absent. Export one source to re-import the file under it.")]
    public QueryText? Source { get; init; }

    /// <summary>The filter asked for; call once the parameters have been checked.</summary>
    public StationExportFilter Filter => new(QueryText.Of(District), QueryKinds.Of(Kind), QueryText.Of(Source));
}
