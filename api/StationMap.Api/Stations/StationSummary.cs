using System.Text.Json.Serialization;
using StationMap.Domain;
using StationMap.Domain.Nearest;

namespace StationMap.Api.Stations;

/// <summary>
/// A station as every list answers it (nearest, route stops, checkpoint stops) and the start of its card: the map's
/// <see cref="StationProperties"/> plus where it is. One shape, mapped here from the store's record or from the
/// in-memory index. A list that adds fields derives from it.
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

    public static StationSummary Of(Station station) =>
        new(station.Id, station.Record.Lat, station.Record.Lon, station.Record.Address, PropertiesOf(station));

    public static StationSummary Of(IndexedStation s) => new(s.Id, s.Lat, s.Lon, s.Address, PropertiesOf(s));
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
