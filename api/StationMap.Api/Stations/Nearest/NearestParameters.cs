using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Domain.Queries;

namespace StationMap.Api.Stations.Nearest;

/// <summary>The query string of <c>GET /api/stations/nearest</c> (with <see cref="TruckParameters"/>).</summary>
public sealed record NearestParameters : IQueryParameters
{
    [FromQuery(Name = "lat"), Required, Range(-90, 90), Description("Latitude of the origin, WGS-84 degrees.")]
    public QueryNumber? Lat { get; init; }

    [FromQuery(Name = "lon"), Required, Range(-180, 180), Description("Longitude of the origin, WGS-84 degrees.")]
    public QueryNumber? Lon { get; init; }

    [FromQuery(Name = "k"), Range(1, NearestQuery.MaxK), Description("How many stations to answer; 10 when absent.")]
    public QueryInteger? K { get; init; }

    [FromQuery(Name = "kind"), Description("Station kinds, comma-separated (warm_station, workers_home, checkpoint_rest_stop); every kind when absent.")]
    public QueryKinds? Kind { get; init; }

    [FromQuery(Name = "amenity"), Description("Amenities a station must all have, comma-separated (toilet, hot_water, phone_charging, ...).")]
    public QueryAmenities? Amenity { get; init; }

    [FromQuery(Name = "openNow"), Description("Only stations open now (China Standard Time): true/false.")]
    public QueryFlag? OpenNow { get; init; }

    [FromQuery(Name = "maxDistanceM"), Range(0, NearestQuery.MaxDistanceLimitM, MinimumIsExclusive = true)]
    [Description("Only stations within this geodesic distance, in metres.")]
    public QueryNumber? MaxDistanceM { get; init; }

    [FromQuery(Name = "excludeReportedClosed")]
    [Description("Leave out stations that at least two people reported closed within the last 24 hours (and nobody confirmed open since): true/false.")]
    public QueryFlag? ExcludeReportedClosed { get; init; }

    /// <summary>The query; call once the parameters have been checked.</summary>
    public NearestQuery ToQuery(TruckParameters truck) => new()
    {
        Lat = Lat!.Value!.Value,
        Lon = Lon!.Value!.Value,
        K = K?.Value ?? NearestQuery.DefaultK,
        Kinds = QueryKinds.Of(Kind),
        Amenities = QueryAmenities.Of(Amenity),
        OpenNow = OpenNow?.Value ?? false,
        MaxDistanceM = MaxDistanceM?.Value,
        Truck = truck.Filter.Truck,
        VehicleLengthM = truck.Filter.VehicleLengthM,
        Hazmat = truck.Filter.Hazmat,
        ExcludeReportedClosed = ExcludeReportedClosed?.Value ?? false,
    };
}
