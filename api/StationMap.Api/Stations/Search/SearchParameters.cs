using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Domain.Queries;
using StationMap.Domain.Search;

namespace StationMap.Api.Stations.Search;

/// <summary>The query string of <c>GET /api/stations/search</c>.</summary>
public sealed record SearchParameters : IQueryParameters
{
    [FromQuery(Name = "q"), Required, StringLength(SearchQuery.MaxLength, MinimumLength = 1)]
    [Description("What to look for in station names, addresses, districts and hosts: 1-100 characters once trimmed. " +
        "Full-width and half-width forms, case, spaces and punctuation do not matter, nor do generic suffixes such as 暖心驿站 or 驿站.")]
    public string? Q { get; init; }

    [FromQuery(Name = "lat"), Range(-90, 90), Description("Latitude of the searcher, WGS-84 degrees; with lon, nearer stations rank higher and answers carry their distance.")]
    public QueryNumber? Lat { get; init; }

    [FromQuery(Name = "lon"), Range(-180, 180), Description("Longitude of the searcher, WGS-84 degrees; given with lat or not at all.")]
    public QueryNumber? Lon { get; init; }

    [FromQuery(Name = "limit"), Range(1, SearchQuery.MaxLimit), Description("How many stations to answer, best first; 10 when absent.")]
    public QueryInteger? Limit { get; init; }

    void IQueryParameters.Check(List<ParameterProblem> problems)
    {
        var text = Q?.Trim() ?? "";
        if (text.Length == 0)
        {
            problems.Add(new("q", "is required: 1 to 100 characters to look for"));
        }
        else if (text.Length > SearchQuery.MaxLength)
        {
            problems.Add(new("q", $"must be at most {SearchQuery.MaxLength} characters once trimmed, got {text.Length}"));
        }
        else if (SearchText.QueryCore(text).Length == 0)
        {
            problems.Add(new("q", "holds no letter or digit to look for"));
        }
        var (hasLat, hasLon) = (Lat is { IsBlank: false }, Lon is { IsBlank: false });
        if (hasLat != hasLon)
        {
            problems.Add(hasLat ? new("lon", "is required when lat is given") : new("lat", "is required when lon is given"));
        }
    }

    /// <summary>The query; call once the parameters have been checked.</summary>
    public SearchQuery ToQuery() => new()
    {
        Text = Q!.Trim(),
        Lat = Lat?.Value,
        Lon = Lon?.Value,
        Limit = Limit?.Value ?? SearchQuery.DefaultLimit,
    };
}
