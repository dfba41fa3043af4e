using StationMap.Domain.Nearest;

namespace StationMap.Domain.Tiles;

/// <summary>
/// The station vector tile: what <see cref="StationTiles.Collect"/> found, as Mapbox Vector Tile bytes with two point
/// layers. <c>clusters</c>: <c>count</c> (at least 2) and the count of each kind (<c>warm_station</c>,
/// <c>workers_home</c>, <c>checkpoint_rest_stop</c>). <c>stations</c>: feature id and <c>id</c> the station's id,
/// <c>kind</c>, <c>truck</c> (has truck parking), <c>hazmat</c> (takes hazardous goods) and, when known,
/// <c>maxVehicleLengthM</c>. A tile with nothing in it is empty (zero bytes).
/// </summary>
public static class StationTileEncoder
{
    public const string ClustersLayer = "clusters";
    public const string StationsLayer = "stations";

    /// <summary>The properties of a cluster, in key order.</summary>
    public static IReadOnlyList<string> ClusterKeys { get; } = ["count", "warm_station", "workers_home", "checkpoint_rest_stop"];

    /// <summary>The properties of a station, in key order.</summary>
    public static IReadOnlyList<string> StationKeys { get; } = ["id", "kind", "truck", "hazmat", "maxVehicleLengthM"];

    [ThreadStatic]
    private static TileContent? t_content;

    [ThreadStatic]
    private static VectorTileWriter? t_writer;

    /// <summary>The tile's bytes, built with this thread's reusable buffers.</summary>
    public static byte[] Encode(StationTiles tiles, TileId tile, in NearestFilter filter)
    {
        var content = t_content ??= new TileContent();
        var writer = t_writer ??= new VectorTileWriter();
        tiles.Collect(tile, filter, content);
        writer.Reset();
        Write(tiles.Index, content, writer);
        return writer.Written.ToArray();
    }

    /// <summary>Writes the two layers of <paramref name="content"/> to <paramref name="writer"/>.</summary>
    public static void Write(StationIndex index, TileContent content, VectorTileWriter writer)
    {
        writer.BeginLayer(ClustersLayer, ClusterKeys);
        foreach (var cluster in content.Clusters)
        {
            writer.BeginFeature();
            writer.AddUInt(0, (ulong)cluster.Count);
            writer.AddUInt(1, (ulong)cluster.WarmStations);
            writer.AddUInt(2, (ulong)cluster.WorkersHomes);
            writer.AddUInt(3, (ulong)cluster.CheckpointRestStops);
            writer.EndFeature(cluster.X, cluster.Y, id: null);
        }
        writer.EndLayer();

        writer.BeginLayer(StationsLayer, StationKeys);
        foreach (var (position, point) in content.Stations)
        {
            var id = index.Ids[position];
            var traits = index.TraitsAt(position);
            writer.BeginFeature();
            writer.AddUInt(0, (ulong)id);
            writer.AddString(1, index.KindAt(position).ToWire());
            writer.AddBool(2, (traits & StationTraits.TruckParking) != 0);
            writer.AddBool(3, (traits & StationTraits.HazmatAllowed) != 0);
            var length = index.MaxVehicleLengthAt(position);
            if (!double.IsNaN(length))
            {
                writer.AddDouble(4, length);
            }
            writer.EndFeature(point.X, point.Y, (ulong)id);
        }
        writer.EndLayer();
    }
}
