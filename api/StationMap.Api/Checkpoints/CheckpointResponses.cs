using StationMap.Api.Infrastructure;
using StationMap.Api.Stations;
using StationMap.Domain;
using StationMap.Store.Checkpoints;

namespace StationMap.Api.Checkpoints;

public sealed record CheckpointProperties(string Name, string? Road, string? District)
{
    public static Feature<PointGeometry, CheckpointProperties> Feature(StoredCheckpoint stored)
    {
        var c = stored.Checkpoint;
        return new(PointGeometry.At(c.Lon, c.Lat), new CheckpointProperties(c.Name, c.Road, c.District)) { Id = stored.Id };
    }
}

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
public sealed record CheckpointStop : TruckStopSummary
{
    public CheckpointStop(Station station, double distanceM) : base(station) => DistanceM = distanceM;

    public double DistanceM { get; init; }
}
