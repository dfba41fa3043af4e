using StationMap.Domain.Queries;

namespace StationMap.Api.Infrastructure.QueryValues;

/// <summary>
/// A record of query parameters bound with <c>[AsParameters]</c>. Its <see cref="QueryValue"/> properties are checked
/// against their <c>[FromQuery(Name)]</c>, <c>[Required]</c> and <c>[Range]</c> (the same attributes the OpenAPI document
/// shows), then <see cref="Check"/> adds what spans parameters. Endpoints under <see cref="QueryCheck.CheckQueryParameters"/>
/// answer one 400 problem naming every parameter at fault before their handler runs.
/// </summary>
public interface IQueryParameters
{
    /// <summary>Problems the attributes cannot state; called after the per-parameter checks.</summary>
    void Check(List<ParameterProblem> problems)
    {
    }
}
