using BenchmarkDotNet.Attributes;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.VectorTiles;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using StationMap.Benchmarks.Nearest;
using StationMap.Domain;
using StationMap.Domain.Nearest;
using StationMap.Domain.Tiles;

namespace StationMap.Benchmarks.Micro;

/// <summary>
/// Station vector tiles at 1,000,000 generated stations (Beijing-Tianjin-Hebei), the tiles over central Beijing:
/// <list type="bullet">
/// <item>the encoder alone on the same content, ours (<see cref="VectorTileWriter"/>, protobuf written by hand) against
/// NetTopologySuite.IO.VectorTiles.Mapbox 1.1.0 (NTS features and attribute tables, then its writer);</item>
/// <item>whole tiles (<see cref="StationTileEncoder.Encode"/>: find the stations, count the cells, encode) per zoom,
/// unfiltered and with filters that must test stations one by one.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
public class StationTileBenchmarks
{
    private const double Lat = 39.9087;
    private const double Lon = 116.3975;

    private static readonly NearestFilter None = new([], default);
    private static readonly NearestFilter Amenity = new([], Domain.Amenity.Toilet, default, false, default);
    private static readonly NearestFilter OpenNow = new([], Domain.Amenity.None, default, true, new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8)));
    private static readonly NearestFilter Kind = new([StationKind.WorkersHome], default);

    private StationIndex _index = null!;
    private readonly TileContent _stations = new();
    private readonly TileContent _clusters = new();
    private readonly VectorTileWriter _writer = new();

    [GlobalSetup]
    public void Setup()
    {
        _index = GeneratedIndex.Build(1_000_000, 7);
        _index.Tiles.Collect(TileGrid.TileOf(Lat, Lon, 14), None, _stations);
        _index.Tiles.Collect(TileGrid.TileOf(Lat, Lon, 9), None, _clusters);
        Console.WriteLine($"// z14 tile: {_stations.Stations.Count} stations; z9 tile: {_clusters.Clusters.Count} clusters, {_clusters.Stations.Count} stations");
    }

    [Benchmark(Baseline = true)]
    public byte[] EncodeStationsOwn()
    {
        _writer.Reset();
        StationTileEncoder.Write(_index, _stations, _writer);
        return _writer.Written.ToArray();
    }

    [Benchmark]
    public byte[] EncodeStationsNts() => Nts(_stations);

    [Benchmark]
    public byte[] EncodeClustersOwn()
    {
        _writer.Reset();
        StationTileEncoder.Write(_index, _clusters, _writer);
        return _writer.Written.ToArray();
    }

    [Benchmark]
    public byte[] EncodeClustersNts() => Nts(_clusters);

    [Benchmark]
    public byte[] TileZ5() => StationTileEncoder.Encode(_index.Tiles, TileGrid.TileOf(Lat, Lon, 5), None);

    [Benchmark]
    public byte[] TileZ9() => StationTileEncoder.Encode(_index.Tiles, TileGrid.TileOf(Lat, Lon, 9), None);

    [Benchmark]
    public byte[] TileZ12() => StationTileEncoder.Encode(_index.Tiles, TileGrid.TileOf(Lat, Lon, 12), None);

    [Benchmark]
    public byte[] TileZ14() => StationTileEncoder.Encode(_index.Tiles, TileGrid.TileOf(Lat, Lon, 14), None);

    [Benchmark]
    public byte[] TileZ5Kind() => StationTileEncoder.Encode(_index.Tiles, TileGrid.TileOf(Lat, Lon, 5), Kind);

    [Benchmark]
    public byte[] TileZ5Amenity() => StationTileEncoder.Encode(_index.Tiles, TileGrid.TileOf(Lat, Lon, 5), Amenity);

    [Benchmark]
    public byte[] TileZ5OpenNow() => StationTileEncoder.Encode(_index.Tiles, TileGrid.TileOf(Lat, Lon, 5), OpenNow);

    [Benchmark]
    public byte[] TileZ9Amenity() => StationTileEncoder.Encode(_index.Tiles, TileGrid.TileOf(Lat, Lon, 9), Amenity);

    // What NetTopologySuite needs to write the same tile: a geometry and an attribute table per feature, in degrees
    // (its writer projects them into the tile).
    private byte[] Nts(TileContent content)
    {
        var tile = content.Tile;
        var (west, south, east, north) = TileGrid.Bounds(tile);
        var vectorTile = new VectorTile { TileId = new NetTopologySuite.IO.VectorTiles.Tiles.Tile(tile.X, tile.Y, tile.Z).Id };
        double LonOf(int x) => west + (x + 0.5) / VectorTileWriter.Extent * (east - west);
        double LatOf(int y) => north - (y + 0.5) / VectorTileWriter.Extent * (north - south);
        if (content.Clusters.Count > 0)
        {
            var layer = new Layer { Name = StationTileEncoder.ClustersLayer };
            foreach (var c in content.Clusters)
            {
                layer.Features.Add(new Feature(new Point(LonOf(c.X), LatOf(c.Y)), new AttributesTable
                {
                    { "count", c.Count }, { "warm_station", c.WarmStations }, { "workers_home", c.WorkersHomes }, { "checkpoint_rest_stop", c.CheckpointRestStops },
                }));
            }
            vectorTile.Layers.Add(layer);
        }
        if (content.Stations.Count > 0)
        {
            var layer = new Layer { Name = StationTileEncoder.StationsLayer };
            foreach (var (position, point) in content.Stations)
            {
                var s = _index[position];
                var attributes = new AttributesTable { { "id", s.Id }, { "kind", s.Kind.ToWire() }, { "truck", position % 7 == 0 }, { "hazmat", position % 11 == 0 } };
                if (position % 5 == 0)
                {
                    attributes.Add("maxVehicleLengthM", 17.5);
                }
                layer.Features.Add(new Feature(new Point(LonOf(point.X), LatOf(point.Y)), attributes));
            }
            vectorTile.Layers.Add(layer);
        }
        using var stream = new MemoryStream();
        vectorTile.Write(stream, MapboxTileWriter.DefaultMinLinealExtent, MapboxTileWriter.DefaultMinPolygonalExtent);
        return stream.ToArray();
    }
}
