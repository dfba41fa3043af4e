using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StationMap.Api.Infrastructure.QueryValues;

namespace StationMap.Api.Stations;

/// <summary>The query string of <c>GET /api/stations/clusters</c>.</summary>
public sealed record ClusterParameters : IQueryParameters
{
    [FromQuery(Name = "bbox"), Required(ErrorMessage = QueryBox.Missing)]
    [Description("The box to aggregate: minLon,minLat,maxLon,maxLat in WGS-84 degrees (RFC 7946 order).")]
    public QueryBox? Bbox { get; init; }

    [FromQuery(Name = "zoom"), Required, Range(0, 22), Description("The map's zoom level; a grid cell is about 64 screen pixels wide at it.")]
    public QueryNumber? Zoom { get; init; }

    [FromQuery(Name = "kind"), Description("Station kinds, comma-separated; every kind when absent.")]
    public QueryKinds? Kind { get; init; }
}
