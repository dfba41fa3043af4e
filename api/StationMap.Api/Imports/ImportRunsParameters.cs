using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Domain.Queries;

namespace StationMap.Api.Imports;

/// <summary>The query string of <c>GET /api/imports</c>.</summary>
public sealed record ImportRunsParameters : IQueryParameters
{
    public const int DefaultLimit = 50;
    public const int MaxSourceLength = 200;

    [FromQuery(Name = "source"), StringLength(MaxSourceLength, MinimumLength = 1), Description("Only this source's runs.")]
    public string? Source { get; init; }

    [FromQuery(Name = "limit"), Range(1, 500), Description("How many runs to answer, newest first; 50 when absent.")]
    public QueryInteger? Limit { get; init; }

    public int Count => Limit?.Value ?? DefaultLimit;

    void IQueryParameters.Check(List<ParameterProblem> problems)
    {
        if (Source is not null && (string.IsNullOrWhiteSpace(Source) || Source.Length > MaxSourceLength))
        {
            problems.Add(new("source", $"must be a source name of 1 to {MaxSourceLength} characters"));
        }
    }
}
