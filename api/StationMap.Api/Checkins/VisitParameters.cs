using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Domain.Queries;

namespace StationMap.Api.Checkins;

/// <summary>The query string of <c>GET /api/stations/{id}/visits</c>: a range of China days, both ends included.</summary>
[RejectsUnknownParameters]
public sealed record VisitParameters : IQueryParameters
{
    /// <summary>Days answered when the range is not given in full.</summary>
    public const int DefaultDays = 30;

    /// <summary>The longest range: a year, leap day included.</summary>
    public const int MaxDays = 366;

    [FromQuery(Name = "from"), Description("First day, yyyy-MM-dd (China Standard Time); 29 days before 'to' when absent.")]
    public QueryDate? From { get; init; }

    [FromQuery(Name = "to"), Description("Last day, included, yyyy-MM-dd; 29 days after 'from' when only 'from' is given, today in China when neither is. At most 366 days in all.")]
    public QueryDate? To { get; init; }

    void IQueryParameters.Check(List<ParameterProblem> problems)
    {
        if (From?.Value is not { } from || To?.Value is not { } to)
        {
            return;
        }
        if (to < from)
        {
            problems.Add(new("to", $"must not be before from ({from:yyyy-MM-dd}), got {to:yyyy-MM-dd}"));
        }
        else if (to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            problems.Add(new("to", $"makes a range of {to.DayNumber - from.DayNumber + 1} days; at most {MaxDays} days are answered at once"));
        }
    }

    /// <summary>The range asked for, with the defaults filled in; call once the parameters have been checked.</summary>
    public (DateOnly From, DateOnly To) Range(DateOnly today) => (From?.Value, To?.Value) switch
    {
        ({ } from, { } to) => (from, to),
        ({ } from, null) => (from, from.AddDays(DefaultDays - 1)),
        (null, { } to) => (to.AddDays(1 - DefaultDays), to),
        _ => (today.AddDays(1 - DefaultDays), today),
    };
}
