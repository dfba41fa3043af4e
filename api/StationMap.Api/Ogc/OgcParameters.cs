using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Domain.Queries;

namespace StationMap.Api.Ogc;

/// <summary>
/// The query string of a collection's items (with the collection's queryables): the box and its CRS, the output CRS,
/// the page and the format. A parameter the endpoint does not know is refused (OGC API – Features asks for a 400).
/// </summary>
[RejectsUnknownParameters]
public sealed record OgcItemsParameters : IQueryParameters
{
    /// <summary>Features on a page when the client does not say.</summary>
    public const int DefaultLimit = 1000;

    /// <summary>The most features on one page: the bbox list's cap (a page of 5,000 stations is ~1.5 MB of GeoJSON).</summary>
    public const int MaxLimit = InViewQuery.MaxLimit;

    [FromQuery(Name = "bbox")]
    [Description("Only features in this box: minLon,minLat,maxLon,maxLat in CRS84 (or minLat,minLon,maxLat,maxLon with bbox-crs EPSG:4490); " +
        "six numbers with heights are taken, heights ignored; a lower longitude larger than the upper one crosses the antimeridian.")]
    public QueryBbox? Bbox { get; init; }

    [FromQuery(Name = "bbox-crs"), Description("The CRS of bbox: CRS84 (default) or EPSG:4490 (CGCS2000, latitude first).")]
    public QueryCrs? BboxCrs { get; init; }

    [FromQuery(Name = "crs"), Description("The CRS of the answer's coordinates: CRS84 (default, longitude first) or EPSG:4490 (CGCS2000, latitude first); the answer's Content-Crs header names it.")]
    public QueryCrs? Crs { get; init; }

    [FromQuery(Name = "datetime"), Description("An RFC 3339 date-time or interval; checked, and met by every feature (none carries a time).")]
    public QueryDatetime? Datetime { get; init; }

    [FromQuery(Name = "limit"), Range(1, MaxLimit)]
    [Description("Features per page, by id: 1,000 when absent, at most 5,000.")]
    public QueryInteger? Limit { get; init; }

    [FromQuery(Name = "after"), Description("Only features with a larger id: the last id of the previous page. The 'next' link carries it.")]
    public QueryId? After { get; init; }

    [FromQuery(Name = "before"), Description("Only the features with the largest ids below this one: the first id of the following page. The 'prev' link carries it.")]
    public QueryId? Before { get; init; }

    [FromQuery(Name = "f"), Description("json (GeoJSON) or html; when absent, the Accept header decides (GeoJSON unless HTML is preferred).")]
    public QueryFormat? F { get; init; }

    void IQueryParameters.Check(List<ParameterProblem> problems)
    {
        if (After is { IsBlank: false } && Before is { IsBlank: false })
        {
            problems.Add(new("before", "cannot be given with after: a page is read either after one id or before one"));
        }
        // The numbers make a box only in a known axis order; a bad bbox-crs or unreadable numbers are named on their own.
        var crsKnown = BboxCrs is null or { IsBlank: true } or { Value: not null };
        if (Bbox is { IsBlank: false, HasNumbers: true } box && crsKnown && box.Boxes(BboxCrsOrDefault, out var reason) is null)
        {
            problems.Add(new("bbox", reason));
        }
    }

    private string BboxCrsOrDefault => BboxCrs is { IsBlank: false, Value: { } crs } ? crs : OgcCrs.Crs84;

    /// <summary>The longitude/latitude boxes to list (none: everywhere); call once the parameters have been checked.</summary>
    public IReadOnlyList<BoundingBox> Boxes() => Bbox is { IsBlank: false } box ? box.Boxes(BboxCrsOrDefault, out _)! : [];

    public PageCursor Cursor() =>
        Before is { IsBlank: false, Value: { } before } ? PageCursor.Before(before)
        : After is { IsBlank: false, Value: { } after } ? PageCursor.After(after)
        : PageCursor.First;

    public int PageLimit() => Limit is { IsBlank: false, Value: { } limit } ? limit : DefaultLimit;

    public string OutputCrs() => Crs is { IsBlank: false } ? QueryCrs.Of(Crs) : OgcCrs.Crs84;
}

/// <summary>The query string of one feature: its output CRS and the format.</summary>
[RejectsUnknownParameters]
public sealed record OgcItemParameters : IQueryParameters
{
    [FromQuery(Name = "crs"), Description("The CRS of the answer's coordinates: CRS84 (default) or EPSG:4490 (CGCS2000, latitude first).")]
    public QueryCrs? Crs { get; init; }

    [FromQuery(Name = "f"), Description("json (GeoJSON) or html; when absent, the Accept header decides.")]
    public QueryFormat? F { get; init; }

    public string OutputCrs() => Crs is { IsBlank: false } ? QueryCrs.Of(Crs) : OgcCrs.Crs84;
}

/// <summary>The query string of a document that takes nothing but its format (landing page, conformance, collections).</summary>
[RejectsUnknownParameters]
public sealed record OgcFormatParameters : IQueryParameters
{
    [FromQuery(Name = "f"), Description("json or html; when absent, the Accept header decides (JSON unless HTML is preferred).")]
    public QueryFormat? F { get; init; }
}
