using System.Globalization;
using Microsoft.OpenApi;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Domain.Queries;

namespace StationMap.Api.Ogc;

/// <summary>
/// The <c>bbox</c> of OGC API – Features: four numbers (or six, with heights, which points on the ground ignore), in the
/// axis order of <c>bbox-crs</c>: longitude first in CRS84 (the default), latitude first in EPSG:4490. A box whose
/// lower longitude is the larger one crosses the antimeridian.
/// </summary>
public sealed class QueryBbox : QueryValue, IQueryValueSchema
{
    private QueryBbox(string raw) : base(raw)
    {
        var parts = raw.Split(',', StringSplitOptions.TrimEntries);
        var numbers = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !double.IsFinite(numbers[i]))
            {
                _reason = $"must be numbers, got '{Echo(parts[i])}' as value {i + 1}";
                return;
            }
        }
        if (numbers.Length is not (4 or 6))
        {
            _reason = $"must be four numbers (or six, with heights), got {numbers.Length}";
            return;
        }
        _numbers = numbers;
    }

    private readonly double[]? _numbers;
    private readonly string _reason = "";

    /// <summary>Whether the text holds four or six numbers (whether they make a box depends on the axis order).</summary>
    public bool HasNumbers => _numbers is not null;

    public static bool TryParse(string? text, out QueryBbox value)
    {
        value = new QueryBbox(text ?? "");
        return true;
    }

    public override void Check(QueryRule rule, List<ParameterProblem> problems)
    {
        if (_numbers is null)
        {
            problems.Add(new(rule.Name, _reason));
        }
    }

    /// <summary>
    /// The box as longitude/latitude boxes (two when it crosses the antimeridian), its numbers read in the axis order of
    /// <paramref name="crs"/>; null with <paramref name="reason"/> when they do not make a box. Call once checked.
    /// </summary>
    public IReadOnlyList<BoundingBox>? Boxes(string crs, out string reason)
    {
        var n = _numbers!;
        var half = n.Length / 2;
        var (x1, y1, x2, y2) = (n[0], n[1], n[half], n[half + 1]);
        var (minLon, minLat, maxLon, maxLat) = OgcCrs.IsLatitudeFirst(crs) ? (y1, x1, y2, x2) : (x1, y1, x2, y2);
        var order = OgcCrs.IsLatitudeFirst(crs) ? "minLat,minLon,maxLat,maxLon (EPSG:4490 is latitude first)" : "minLon,minLat,maxLon,maxLat";
        reason = "";
        if (minLon is < -180 or > 180 || maxLon is < -180 or > 180)
        {
            reason = $"longitudes must be between -180 and 180; read as {order}";
            return null;
        }
        if (minLat is < -90 or > 90 || maxLat is < -90 or > 90)
        {
            reason = $"latitudes must be between -90 and 90; read as {order}";
            return null;
        }
        if (minLat > maxLat)
        {
            reason = $"is inverted: the lower latitude exceeds the upper one; read as {order}";
            return null;
        }
        return minLon <= maxLon
            ? [new BoundingBox(minLon, minLat, maxLon, maxLat)]
            : [new BoundingBox(minLon, minLat, 180, maxLat), new BoundingBox(-180, minLat, maxLon, maxLat)];
    }

    public static void Describe(OpenApiSchema schema)
    {
        (schema.Type, schema.Format) = (JsonSchemaType.String, null);
        schema.Pattern = @"^\s*-?[0-9.eE+-]+\s*(,\s*-?[0-9.eE+-]+\s*){3}((,\s*-?[0-9.eE+-]+\s*){2})?$";
    }
}
