using System.Text.Json.Serialization;
using StationMap.Api.Stations;
using StationMap.Store.Checkpoints;

namespace StationMap.Api.Checkpoints;

/// <summary>Every checkpoint as an RFC 7946 FeatureCollection.</summary>
public sealed record CheckpointFeatureCollection(IReadOnlyList<CheckpointFeature> Features)
{
    [JsonPropertyOrder(-1)]
    public string Type => "FeatureCollection";
}

public sealed record CheckpointFeature(long Id, PointGeometry Geometry, CheckpointProperties Properties)
{
    [JsonPropertyOrder(-1)]
    public string Type => "Feature";

    public static CheckpointFeature From(StoredCheckpoint stored)
    {
        var c = stored.Checkpoint;
        return new CheckpointFeature(stored.Id, new PointGeometry([c.Lon, c.Lat]), new CheckpointProperties(c.Name, c.Road, c.District));
    }
}

public sealed record CheckpointProperties(string Name, string? Road, string? District);

/// <summary>One checkpoint in full.</summary>
public sealed record CheckpointDetail(long Id, string Source, string ExternalId, string Name, string? Road, string? District, double Lat, double Lon)
{
    public static CheckpointDetail From(StoredCheckpoint stored)
    {
        var c = stored.Checkpoint;
        return new CheckpointDetail(stored.Id, stored.Source, c.ExternalId, c.Name, c.Road, c.District, c.Lat, c.Lon);
    }
}

/// <summary>Truck-suitable stops around a checkpoint, nearest first, and the search that found them.</summary>
public sealed record CheckpointStopsResponse(CheckpointDetail Checkpoint, double RadiusM, int K, IReadOnlyList<CheckpointStop> Items);

/// <summary>A stop near a checkpoint: geodesic distance from the checkpoint and what a truck driver needs to know.</summary>
public sealed record CheckpointStop(
    long Id,
    string Name,
    string Kind,
    double Lat,
    double Lon,
    string? Address,
    string? Phone,
    string[] Amenities,
    string? OpeningHours,
    double DistanceM,
    int? TruckParkingSpaces,
    double? MaxVehicleLengthM,
    bool HazmatAllowed);
