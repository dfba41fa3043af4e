using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Domain.Queries;

namespace StationMap.Api.Checkins;

/// <summary>The query string of the visit report (<c>GET /api/reports/visits</c>, <c>.csv</c>, <c>.xlsx</c>).</summary>
public sealed record VisitReportParameters : IQueryParameters
{
    public const int MaxDistrictLength = 100;

    [FromQuery(Name = "month"), Description("The month, yyyy-MM (China Standard Time); the current month when absent.")]
    public QueryMonth? Month { get; init; }

    [FromQuery(Name = "district"), Description("Only the stations of this district, as the station lists name it (e.g. 朝阳区); every district when absent or blank.")]
    public string? District { get; init; }

    /// <summary>The district asked for, trimmed; null for every district.</summary>
    public string? DistrictName => string.IsNullOrWhiteSpace(District) ? null : District.Trim();

    void IQueryParameters.Check(List<ParameterProblem> problems)
    {
        if (DistrictName is { Length: > MaxDistrictLength })
        {
            problems.Add(new("district", $"must be a district name of at most {MaxDistrictLength} characters"));
        }
    }

    /// <summary>The month's first day; call once the parameters have been checked.</summary>
    public DateOnly FirstDay(DateOnly today) => Month?.First ?? new DateOnly(today.Year, today.Month, 1);
}
