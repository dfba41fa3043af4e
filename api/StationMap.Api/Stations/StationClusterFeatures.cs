using System.Text.Json.Serialization;
using StationMap.Domain.Nearest;

namespace StationMap.Api.Stations;

/// <summary>Grid cells of stations as an RFC 7946 FeatureCollection; <c>cellDegrees</c> and <c>truncated</c> are foreign members.</summary>
public sealed record StationClusterCollection(IReadOnlyList<StationClusterFeature> Features, double CellDegrees, bool Truncated)
{
    [JsonPropertyOrder(-1)]
    public string Type => "FeatureCollection";
}

public sealed record StationClusterFeature(PointGeometry Geometry, StationClusterProperties Properties)
{
    [JsonPropertyOrder(-1)]
    public string Type => "Feature";

    public static StationClusterFeature From(StationCluster cluster) => new(
        new PointGeometry([Math.Round(cluster.Lon, 6), Math.Round(cluster.Lat, 6)]),
        new StationClusterProperties(
            cluster.Count, cluster.WarmStations, cluster.WorkersHomes, cluster.CheckpointRestStops, cluster.StationId));
}

/// <summary>How many stations a cell holds, by kind; <c>stationId</c> is set when it holds exactly one.</summary>
public sealed record StationClusterProperties(
    int Count,
    [property: JsonPropertyName("warm_station")] int WarmStations,
    [property: JsonPropertyName("workers_home")] int WorkersHomes,
    [property: JsonPropertyName("checkpoint_rest_stop")] int CheckpointRestStops,
    long? StationId);
