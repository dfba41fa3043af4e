using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StationMap.Api.Infrastructure.QueryValues;

namespace StationMap.Api.Stations;

/// <summary>The query string of <c>GET /api/stations</c> (with <see cref="TruckParameters"/>).</summary>
public sealed record InViewParameters : IQueryParameters
{
    [FromQuery(Name = "bbox"), Required(ErrorMessage = QueryBox.Missing)]
    [Description("The box to list: minLon,minLat,maxLon,maxLat in WGS-84 degrees (RFC 7946 order).")]
    public QueryBox? Bbox { get; init; }

    [FromQuery(Name = "kind"), Description("Station kinds, comma-separated; every kind when absent.")]
    public QueryKinds? Kind { get; init; }
}
