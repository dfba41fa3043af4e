using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Domain.Queries;

namespace StationMap.Api.Stations;

/// <summary>
/// The query string of <c>GET /api/stations</c> (with <see cref="TruckParameters"/>): the box, nearest's filters and the
/// page. A parameter it does not know is refused, so that a filter it would ignore cannot widen the answer unnoticed.
/// </summary>
[RejectsUnknownParameters]
public sealed record InViewParameters : IQueryParameters
{
    [FromQuery(Name = "bbox"), Required(ErrorMessage = QueryBox.Missing)]
    [Description("The box to list: minLon,minLat,maxLon,maxLat in WGS-84 degrees (RFC 7946 order).")]
    public QueryBox? Bbox { get; init; }

    [FromQuery(Name = "kind"), Description("Station kinds, comma-separated (warm_station, workers_home, checkpoint_rest_stop); every kind when absent.")]
    public QueryKinds? Kind { get; init; }

    [FromQuery(Name = "amenity"), Description("Amenities a station must all have, comma-separated (toilet, hot_water, phone_charging, ...).")]
    public QueryAmenities? Amenity { get; init; }

    [FromQuery(Name = "openNow"), Description("Only stations open now (China Standard Time): true/false.")]
    public QueryFlag? OpenNow { get; init; }

    [FromQuery(Name = "limit"), Range(1, InViewQuery.MaxLimit)]
    [Description("Stations per page, by id; Stations:BoundingBoxLimit (5,000) when absent, and never more.")]
    public QueryInteger? Limit { get; init; }

    [FromQuery(Name = "after")]
    [Description("Only stations with a larger id: the last id of the previous page. The answer's 'next' link carries it; absent starts at the first station.")]
    public QueryId? After { get; init; }

    /// <summary>The query; call once the parameters have been checked.</summary>
    public InViewQuery ToQuery(TruckParameters truck, int pageLimit) => new()
    {
        Box = Bbox!.Value!.Value,
        Kinds = QueryKinds.Of(Kind),
        Amenities = QueryAmenities.Of(Amenity),
        OpenNow = OpenNow?.Value ?? false,
        Truck = truck.Filter,
        AfterId = After?.Value ?? 0,
        Limit = Math.Min(Limit?.Value ?? pageLimit, pageLimit),
    };
}
