using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using StationMap.Api.Infrastructure;
using StationMap.Domain.Queries;
using StationMap.Domain.Routes;

namespace StationMap.Api.Routes;

/// <summary>
/// The body of <c>POST /api/routes/stops</c> as the OpenAPI document shows it. <see cref="RouteQueryParser"/> reads the
/// body field by field instead of deserialising this record, so that each bad position is named; it takes its list of
/// fields from here, so the two cannot drift apart.
/// </summary>
public sealed record RouteStopsRequest(
    [property: Required, Description("The route: a GeoJSON LineString in WGS-84 (or a Feature with one), 2-10000 positions, at most 3000 km.")]
    LineStringGeometry Route,
    [property: Range(RouteQuery.MinCorridorM, RouteQuery.MaxCorridorM), Description("Half-width of the corridor around the route, in metres; 1000 when absent.")]
    double? CorridorM = null,
    [property: Description("Only stations with truck parking.")]
    bool? Truck = null,
    [property: Range(0, TruckFilter.MaxVehicleLengthM, MinimumIsExclusive = true), Description("Only stations whose longest bay takes a vehicle this long, in metres.")]
    double? VehicleLengthM = null,
    [property: Description("Only stations that accept vehicles carrying hazardous goods.")]
    bool? Hazmat = null,
    [property: Range(1, RouteQuery.MaxLimit), Description("Most stops to answer, in the order a driver reaches them; 200 when absent.")]
    int? Limit = null)
{
    /// <summary>The JSON names of the fields, in declaration order.</summary>
    public static readonly IReadOnlyList<string> Fields = JsonFields.Of<RouteStopsRequest>();
}
