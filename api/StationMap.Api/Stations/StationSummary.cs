using System.Text.Json.Serialization;
using StationMap.Api.Checkins;
using StationMap.Domain;
using StationMap.Domain.Nearest;

namespace StationMap.Api.Stations;

/// <summary>
/// A station as every list answers it (nearest, route stops, checkpoint stops) and the start of its card: the map's
/// <see cref="StationProperties"/> plus where it is and what a truck can use there (a driver reads the same fields in
/// every list). One shape, mapped here from the store's record or from the in-memory index. A list that adds fields
/// derives from it.
/// </summary>
public record StationSummary : StationProperties
{
    public StationSummary(long id, double lat, double lon, string? address, StationProperties properties) : base(properties)
    {
        Id = id;
        Lat = lat;
        Lon = lon;
        Address = address;
    }

    [JsonPropertyOrder(-3)]
    public long Id { get; init; }

    public double Lat { get; init; }

    public double Lon { get; init; }

    public string? Address { get; init; }

    /// <summary>Truck parking spaces; null when the station has told none.</summary>
    public int? TruckParkingSpaces { get; init; }

    public double? MaxVehicleLengthM { get; init; }

    public bool HazmatAllowed { get; init; }

    /// <summary>What people at the station said lately (check-ins); absent when nothing is on.</summary>
    public StatusReport? Status { get; init; }

    public static StationSummary Of(Station station)
    {
        var r = station.Record;
        return new(station.Id, r.Lat, r.Lon, r.Address, PropertiesOf(station))
        {
            TruckParkingSpaces = r.TruckParkingSpaces, MaxVehicleLengthM = r.MaxVehicleLengthM, HazmatAllowed = r.HazmatAllowed,
        };
    }

    public static StationSummary Of(IndexedStation s) =>
        new(s.Id, s.Lat, s.Lon, s.Address, PropertiesOf(s))
        {
            TruckParkingSpaces = s.TruckParkingSpaces, MaxVehicleLengthM = s.MaxVehicleLengthM, HazmatAllowed = s.HazmatAllowed,
        };
}

/// <summary>A station with how a truck driver calls ahead, for the lists read from the store (the index holds no phones).</summary>
public record TruckStopSummary : StationSummary
{
    protected TruckStopSummary(Station station) : base(Of(station))
    {
        Phone = station.Record.Phone;
    }

    public string? Phone { get; init; }
}
