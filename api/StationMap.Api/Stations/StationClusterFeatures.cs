using System.Text.Json.Serialization;
using StationMap.Api.Infrastructure;
using StationMap.Domain.Nearest;

namespace StationMap.Api.Stations;

/// <summary>Grid cells of stations; <c>cellDegrees</c> and <c>truncated</c> are foreign members.</summary>
public sealed record StationClusterCollection(
    IReadOnlyList<Feature<PointGeometry, StationClusterProperties>> Features, double CellDegrees, bool Truncated)
    : FeatureCollection<PointGeometry, StationClusterProperties>(Features);

/// <summary>How many stations a cell holds, by kind; <c>stationId</c> is set when it holds exactly one.</summary>
public sealed record StationClusterProperties(
    int Count,
    [property: JsonPropertyName("warm_station")] int WarmStations,
    [property: JsonPropertyName("workers_home")] int WorkersHomes,
    [property: JsonPropertyName("checkpoint_rest_stop")] int CheckpointRestStops,
    long? StationId)
{
    public static Feature<PointGeometry, StationClusterProperties> Feature(StationCluster cluster) => new(
        PointGeometry.At(Math.Round(cluster.Lon, 6), Math.Round(cluster.Lat, 6)),
        new StationClusterProperties(
            cluster.Count, cluster.WarmStations, cluster.WorkersHomes, cluster.CheckpointRestStops, cluster.StationId));
}
