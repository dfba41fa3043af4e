using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Domain.Queries;

namespace StationMap.Api.Checkpoints;

/// <summary>The query string of <c>GET /api/checkpoints/{id}/stops</c> (with the truck filters; truck parking is always required).</summary>
public sealed record CheckpointStopsParameters : IQueryParameters
{
    public const double DefaultRadiusM = 20_000;
    public const double MaxRadiusM = 100_000;

    [FromQuery(Name = "radiusM"), Range(0, MaxRadiusM, MinimumIsExclusive = true)]
    [Description("How far from the checkpoint to look, in metres; 20000 when absent.")]
    public QueryNumber? RadiusM { get; init; }

    [FromQuery(Name = "k"), Range(1, NearestQuery.MaxK), Description("How many stops to answer; 10 when absent.")]
    public QueryInteger? K { get; init; }

    public double Radius => RadiusM?.Value ?? DefaultRadiusM;

    public int Count => K?.Value ?? NearestQuery.DefaultK;
}
