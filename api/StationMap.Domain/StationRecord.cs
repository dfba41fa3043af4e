using StationMap.Domain.Geo;

namespace StationMap.Domain;

/// <summary>
/// The content of a station as a data source describes it, already normalised to WGS-84.
/// (source, <see cref="ExternalId"/>) identifies it in the store.
/// </summary>
public sealed record StationRecord
{
    public required string ExternalId { get; init; }
    public required StationKind Kind { get; init; }
    public required string Name { get; init; }
    public string? Address { get; init; }
    public string? District { get; init; }
    public required double Lat { get; init; }
    public required double Lon { get; init; }
    public Amenity Amenities { get; init; }

    /// <summary>Where the station is, WGS-84.</summary>
    public LatLon Place => new(Lat, Lon);

    /// <summary>Raw OpenStreetMap <c>opening_hours</c> text; kept even when it does not parse.</summary>
    public string? OpeningHours { get; init; }

    /// <summary>
    /// The hours as the source wrote them when the importer rewrote them into <see cref="OpeningHours"/> (e.g.
    /// <c>工作日 9:00-17:00</c> for <c>Mo-Fr 09:00-17:00; PH off</c>); null when stored as given.
    /// </summary>
    public string? OpeningHoursOriginal { get; init; }

    /// <summary>Truck parking bays; null or 0 means the station takes no trucks.</summary>
    public int? TruckParkingSpaces { get; init; }

    /// <summary>The longest vehicle the station can park, in metres; null when unknown.</summary>
    public double? MaxVehicleLengthM { get; init; }

    /// <summary>Whether vehicles carrying hazardous goods may stop; unknown counts as no.</summary>
    public bool HazmatAllowed { get; init; }
    public string? Phone { get; init; }

    /// <summary>Who hosts the station: a bank branch, a petrol station, a supermarket...</summary>
    public string? Host { get; init; }
}
