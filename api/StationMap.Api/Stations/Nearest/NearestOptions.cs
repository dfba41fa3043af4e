using System.ComponentModel.DataAnnotations;

namespace StationMap.Api.Stations.Nearest;

/// <summary>Where nearest answers come from (<c>Nearest</c> section); both paths give the same answers.</summary>
public sealed class NearestOptions
{
    public const string Section = "Nearest";

    /// <summary><see cref="NearestPath.Memory"/> (default) or <see cref="NearestPath.Database"/>.</summary>
    public NearestPath Path { get; set; } = NearestPath.Memory;

    /// <summary>After a change notification, wait this long for more before rebuilding, so a burst costs one rebuild.</summary>
    [Range(0, 10_000)]
    public int ReloadDebounceMs { get; set; } = 100;

    /// <summary>With no notification for this long, ask the store for its version anyway (and prove the connection alive).</summary>
    [Range(1, 3600)]
    public int VersionCheckSeconds { get; set; } = 30;

    /// <summary>Reconnecting after a lost listening connection backs off from 0.25 s up to this.</summary>
    [Range(1, 300)]
    public int MaxReconnectDelaySeconds { get; set; } = 10;

    /// <summary>
    /// With a read source of its own (<c>ConnectionStrings:StationMapRead</c>, a standby), how often the process asks
    /// it for its data version, and reloads when it moved on: how changes arrive while there is no primary to listen
    /// on, and how a change the standby replays after its notification is caught.
    /// </summary>
    [Range(50, 60_000)]
    public int ReplicaPollMs { get; set; } = 1000;

    /// <summary>After a change notification, how long to wait for the standby to replay the change before loading from it.</summary>
    [Range(0, 600)]
    public int ReplicaWaitSeconds { get; set; } = 5;
}

public enum NearestPath
{
    /// <summary>An in-memory index of live stations, kept in sync by <c>NOTIFY stations_changed</c>.</summary>
    Memory,

    /// <summary>Every query runs the nearest SQL on PostGIS.</summary>
    Database,
}
