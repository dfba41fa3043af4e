using System.Text.Json.Serialization;

namespace StationMap.Api.Infrastructure;

/// <summary>
/// The one GeoJSON envelope (RFC 7946) of every FeatureCollection the API answers; an answer with foreign members
/// (<c>truncated</c>, <c>cellDegrees</c>, a run's objective) derives from it. Typed properties rather than
/// NetTopologySuite's attribute tables, so the OpenAPI document shows each answer's schema (and serialising is faster:
/// see the commit that chose it).
/// </summary>
public record FeatureCollection<TGeometry, TProperties>(IReadOnlyList<Feature<TGeometry, TProperties>> Features)
{
    [JsonPropertyOrder(-1)]
    public string Type => "FeatureCollection";
}

/// <summary>A feature; <c>id</c> is written only when the thing it shows has one. A feature with foreign members derives from it.</summary>
public record Feature<TGeometry, TProperties>(TGeometry Geometry, TProperties Properties)
{
    [JsonPropertyOrder(-1)]
    public string Type => "Feature";

    [JsonPropertyOrder(-1)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Id { get; init; }
}

/// <summary>A GeoJSON Point: coordinates are [longitude, latitude] in WGS-84.</summary>
public sealed record PointGeometry(double[] Coordinates)
{
    [JsonPropertyOrder(-1)]
    public string Type => "Point";

    public static PointGeometry At(double lon, double lat) => new([lon, lat]);
}

/// <summary>A GeoJSON LineString: [longitude, latitude] positions in WGS-84.</summary>
public sealed record LineStringGeometry(double[][] Coordinates)
{
    [JsonPropertyOrder(-1)]
    public string Type => "LineString";
}

/// <summary>A GeoJSON Polygon: rings of [longitude, latitude] positions, the outer one counter-clockwise, each closed.</summary>
public sealed record PolygonGeometry(double[][][] Coordinates)
{
    [JsonPropertyOrder(-1)]
    public string Type => "Polygon";

    /// <summary>A box as a polygon of one ring.</summary>
    public static PolygonGeometry Box(double minLon, double minLat, double maxLon, double maxLat) =>
        new([[[minLon, minLat], [maxLon, minLat], [maxLon, maxLat], [minLon, maxLat], [minLon, minLat]]]);
}
