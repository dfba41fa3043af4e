using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Domain.Queries;

namespace StationMap.Api.Stations;

/// <summary>The truck filters every stop search takes: <c>truck</c>, <c>vehicleLengthM</c>, <c>hazmat</c>.</summary>
public sealed record TruckParameters : IQueryParameters
{
    [FromQuery(Name = "truck"), Description("Only stations with truck parking: true/false (also 1/0, yes/no).")]
    public QueryFlag? Truck { get; init; }

    [FromQuery(Name = "vehicleLengthM"), Range(0, TruckFilter.MaxVehicleLengthM, MinimumIsExclusive = true)]
    [Description("Only stations whose longest bay takes a vehicle this long, in metres.")]
    public QueryNumber? VehicleLengthM { get; init; }

    [FromQuery(Name = "hazmat"), Description("Only stations that accept vehicles carrying hazardous goods: true/false.")]
    public QueryFlag? Hazmat { get; init; }

    public TruckFilter Filter => new(Truck?.Value ?? false, VehicleLengthM?.Value, Hazmat?.Value ?? false);
}
