using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Domain.Queries;

namespace StationMap.Api.Planning;

/// <summary>
/// The query string of <c>GET /api/planning/coverage</c>. Its limits are settings (<see cref="PlanningOptions"/>) and
/// its layer must be a stored one, so the handler checks it (<see cref="Problems"/>), not the <see cref="QueryCheck"/> filter.
/// </summary>
public sealed record CoverageParameters
{
    [FromQuery(Name = "layer"), Required, Description("The demand layer to cover (GET /api/planning/layers lists them).")]
    public string? Layer { get; init; }

    [FromQuery(Name = "radiusM"), Description("A demand point counts as covered within this distance of an open station, in metres; Planning:DefaultRadiusM (500) when absent, at most Planning:MaxRadiusM (5000).")]
    public QueryNumber? RadiusM { get; init; }

    [FromQuery(Name = "kind"), Description("Station kinds that count as covering, comma-separated; every kind when absent.")]
    public QueryKinds? Kind { get; init; }

    [FromQuery(Name = "cellM"), Description("Side of a heat-map cell, in metres; Planning:DefaultCellM (1000) when absent, between Planning:MinCellM (100) and Planning:MaxCellM (50000).")]
    public QueryNumber? CellM { get; init; }

    /// <summary>Every problem with the numbers and kinds, the ranges being the configured ones.</summary>
    public List<ParameterProblem> Problems(PlanningOptions settings)
    {
        var problems = new List<ParameterProblem>();
        QueryCheck.Value(RadiusM, new QueryRule("radiusM", Min: 0, Max: settings.MaxRadiusM, MinExclusive: true), problems);
        QueryCheck.Value(CellM, new QueryRule("cellM", Min: settings.MinCellM, Max: settings.MaxCellM), problems);
        QueryCheck.Value(Kind, new QueryRule("kind"), problems);
        return problems;
    }
}
