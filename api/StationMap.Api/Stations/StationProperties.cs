using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using StationMap.Api.Infrastructure;
using StationMap.Domain;
using StationMap.Domain.Nearest;

namespace StationMap.Api.Stations;

/// <summary>
/// What the map shows of a station: the properties of its GeoJSON feature (whose geometry and id say where and which),
/// and the base of <see cref="StationSummary"/> (whose answers read id, name, kind first, as they always have).
/// </summary>
public record StationProperties(
    [property: JsonPropertyOrder(-2)] string Name,
    [property: JsonPropertyOrder(-1)] string Kind,
    string? District,
    string[] Amenities,
    string? OpeningHours)
{
    // Wire names per amenity set: stations share a few thousand sets at most (16 flags), and the serializer only reads them.
    private static readonly ConcurrentDictionary<Amenity, string[]> WireAmenities = new();

    public static StationProperties PropertiesOf(Station station)
    {
        var r = station.Record;
        return new(r.Name, r.Kind.ToWire(), r.District, Wire(r.Amenities), r.OpeningHours);
    }

    public static StationProperties PropertiesOf(IndexedStation s) =>
        new(s.Name, s.Kind.ToWire(), s.District, Wire(s.Amenities), s.OpeningHoursText);

    public static Feature<PointGeometry, StationProperties> Feature(Station station) =>
        new(PointGeometry.At(station.Record.Lon, station.Record.Lat), PropertiesOf(station)) { Id = station.Id };

    /// <summary>The same feature from the in-memory index, which holds every field a feature shows.</summary>
    public static Feature<PointGeometry, StationProperties> Feature(IndexedStation s) =>
        new(PointGeometry.At(s.Lon, s.Lat), PropertiesOf(s)) { Id = s.Id };

    private static string[] Wire(Amenity amenities) => WireAmenities.GetOrAdd(amenities, Domain.Amenities.ToWire);
}
