using StationMap.Api.Infrastructure;
using StationMap.Domain;
using StationMap.Domain.Nearest;

namespace StationMap.Api.Stations;

/// <summary>Stations in a box; <c>truncated</c> and <c>limit</c> are foreign members.</summary>
public sealed record StationFeatureCollection(IReadOnlyList<Feature<PointGeometry, StationProperties>> Features, bool Truncated, int Limit)
    : FeatureCollection<PointGeometry, StationProperties>(Features);

public sealed record StationProperties(string Name, string Kind, string? District, string[] Amenities, string? OpeningHours)
{
    public static Feature<PointGeometry, StationProperties> Feature(Station station)
    {
        var r = station.Record;
        return new(PointGeometry.At(r.Lon, r.Lat),
            new StationProperties(r.Name, r.Kind.ToWire(), r.District, Domain.Amenities.ToWire(r.Amenities), r.OpeningHours)) { Id = station.Id };
    }

    /// <summary>The same feature from the in-memory index, which holds every field a feature shows.</summary>
    public static Feature<PointGeometry, StationProperties> Feature(IndexedStation s) =>
        new(PointGeometry.At(s.Lon, s.Lat),
            new StationProperties(s.Name, s.Kind.ToWire(), s.District, Domain.Amenities.ToWire(s.Amenities), s.OpeningHoursText)) { Id = s.Id };
}
