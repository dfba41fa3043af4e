using System.Text.Json.Serialization;
using StationMap.Domain;
using StationMap.Domain.Nearest;

namespace StationMap.Api.Stations;

/// <summary>An RFC 7946 FeatureCollection of stations; <c>truncated</c> and <c>limit</c> are foreign members.</summary>
public sealed record StationFeatureCollection(IReadOnlyList<StationFeature> Features, bool Truncated, int Limit)
{
    [JsonPropertyOrder(-1)]
    public string Type => "FeatureCollection";
}

public sealed record StationFeature(long Id, PointGeometry Geometry, StationProperties Properties)
{
    [JsonPropertyOrder(-1)]
    public string Type => "Feature";

    public static StationFeature From(Station station)
    {
        var r = station.Record;
        return new StationFeature(
            station.Id,
            new PointGeometry([r.Lon, r.Lat]),
            new StationProperties(r.Name, r.Kind.ToWire(), r.District, Amenities.ToWire(r.Amenities), r.OpeningHours));
    }

    /// <summary>The same feature from the in-memory index, which holds every field a feature shows.</summary>
    public static StationFeature From(IndexedStation s) => new(
        s.Id,
        new PointGeometry([s.Lon, s.Lat]),
        new StationProperties(s.Name, s.Kind.ToWire(), s.District, Amenities.ToWire(s.Amenities), s.OpeningHoursText));
}

/// <summary>A GeoJSON Point: coordinates are [longitude, latitude] in WGS-84.</summary>
public sealed record PointGeometry(double[] Coordinates)
{
    [JsonPropertyOrder(-1)]
    public string Type => "Point";
}

public sealed record StationProperties(string Name, string Kind, string? District, string[] Amenities, string? OpeningHours);
