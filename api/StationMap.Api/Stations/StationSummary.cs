using StationMap.Domain;
using StationMap.Domain.Nearest;

namespace StationMap.Api.Stations;

/// <summary>
/// A station as every list answers it (nearest, route stops, checkpoint stops) and the start of its card: one shape,
/// mapped here from the store's record or from the in-memory index. A list that adds fields derives from it.
/// </summary>
public record StationSummary(
    long Id, string Name, string Kind, double Lat, double Lon, string? Address, string? District, string[] Amenities, string? OpeningHours)
{
    public static StationSummary Of(Station station)
    {
        var r = station.Record;
        return new(station.Id, r.Name, r.Kind.ToWire(), r.Lat, r.Lon, r.Address, r.District, Domain.Amenities.ToWire(r.Amenities), r.OpeningHours);
    }

    /// <param name="amenities">The wire names of the station's amenities (shared between stations with the same set).</param>
    public static StationSummary Of(IndexedStation s, string[] amenities) =>
        new(s.Id, s.Name, s.Kind.ToWire(), s.Lat, s.Lon, s.Address, s.District, amenities, s.OpeningHoursText);
}

/// <summary>A station with what a truck driver needs to know: how to call it, parking, length, hazardous goods.</summary>
public record TruckStopSummary : StationSummary
{
    protected TruckStopSummary(Station station) : base(Of(station))
    {
        var r = station.Record;
        Phone = r.Phone;
        TruckParkingSpaces = r.TruckParkingSpaces;
        MaxVehicleLengthM = r.MaxVehicleLengthM;
        HazmatAllowed = r.HazmatAllowed;
    }

    public string? Phone { get; init; }

    public int? TruckParkingSpaces { get; init; }

    public double? MaxVehicleLengthM { get; init; }

    public bool HazmatAllowed { get; init; }
}
