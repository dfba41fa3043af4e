using StationMap.Domain.Nearest;
using StationMap.Domain.Queries;
using StationMap.Domain.Tiles;
using StationMap.Tests.Tiles;

namespace StationMap.Domain.Tests.Tiles;

/// <summary>
/// The station tiles, read back with the test's own decoder (<see cref="MvtDecoder"/>): over random tile pyramids and
/// random filters every passing station is counted exactly once at every zoom (across tile borders and at the grid's
/// edges), clusters are what a brute-force grouping gives, and the filters pass the same stations as nearest.
/// </summary>
public sealed class StationTilesTests
{
    private const int Seed = 16_2026;

    private static readonly DateTimeOffset[] Instants =
    [
        new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8)),
        new(2026, 11, 29, 3, 30, 0, TimeSpan.FromHours(8)),
        // National Day, its make-up working Sunday, and a year the holiday calendar does not cover
        new(2026, 10, 1, 10, 0, 0, TimeSpan.FromHours(8)),
        new(2026, 9, 20, 10, 0, 0, TimeSpan.FromHours(8)),
        new(2027, 3, 1, 10, 0, 0, TimeSpan.FromHours(8)),
        new(2026, 11, 28, 12, 0, 0, TimeSpan.FromHours(8)),
    ];

    private static readonly Lazy<(List<StationIndexRow> Rows, StationIndex Index)> Data = new(() =>
    {
        var rows = TileStations.Rows(Seed);
        return (rows, TileStations.Index(rows, Seed));
    });

    [Fact]
    public void Every_passing_station_is_counted_once_at_every_zoom_of_random_tile_pyramids()
    {
        var (rows, index) = Data.Value;
        // The dense blocks give summarised cells (56 over z0-z13), so both ways of counting a cell are exercised.
        Assert.True(index.Tiles.SummaryCount >= 40, $"{index.Tiles.SummaryCount} summaries");
        var random = new Random(Seed);
        for (var trial = 0; trial < 120; trial++)
        {
            var filter = RandomFilter(random, out var description);
            // A pyramid rooted at the tile of a random station (or the whole world), 1 to 5 zooms deep, anywhere from z0 to z18.
            var rootZoom = trial % 10 == 0 ? 0 : random.Next(0, 19);
            var anchor = rows[random.Next(rows.Count)];
            var root = TileGrid.TileOf(anchor.Lat, anchor.Lon, rootZoom);
            var depth = random.Next(0, 5);
            var expected = Passing(index, filter).Where(p => TileGrid.TileOf(index[p].Lat, index[p].Lon, root.Z) == root).ToList();
            var expectedIds = expected.Select(p => index[p].Id).ToHashSet();
            var expectedKinds = expected.GroupBy(p => index[p].Kind).ToDictionary(g => g.Key, g => g.Count());
            for (var z = root.Z; z <= root.Z + depth; z++)
            {
                var (count, kinds, ids) = (0L, new Dictionary<StationKind, long>(), new List<long>());
                foreach (var tile in Descendants(root, z))
                {
                    var layers = MvtDecoder.Decode(StationTileEncoder.Encode(index.Tiles, tile, filter));
                    foreach (var cluster in Features(layers, StationTileEncoder.ClustersLayer))
                    {
                        Assert.True(z <= StationTiles.ClusterMaxZoom, $"a cluster at z{z}");
                        var c = cluster.Long("count");
                        Assert.True(c >= 2, $"a cluster of {c} in {tile}");
                        var byKind = (cluster.Long("warm_station"), cluster.Long("workers_home"), cluster.Long("checkpoint_rest_stop"));
                        Assert.Equal(c, byKind.Item1 + byKind.Item2 + byKind.Item3);
                        count += c;
                        Add(kinds, StationKind.WarmStation, byKind.Item1);
                        Add(kinds, StationKind.WorkersHome, byKind.Item2);
                        Add(kinds, StationKind.CheckpointRestStop, byKind.Item3);
                        AssertInTile(cluster);
                    }
                    foreach (var station in Features(layers, StationTileEncoder.StationsLayer))
                    {
                        count++;
                        ids.Add(station.Long("id"));
                        Assert.Equal((ulong)station.Long("id"), station.Id);
                        Assert.True(StationKinds.TryParse((string)station.Properties["kind"], out var kind));
                        Add(kinds, kind, 1);
                        AssertInTile(station);
                    }
                }
                var where = $"trial {trial}, {description}, root {root}, z{z}";
                Assert.True(expected.Count == count, $"{where}: expected {expected.Count} stations, tiles count {count}");
                Assert.True(ids.Count == ids.Distinct().Count(), $"{where}: a station in two tiles");
                Assert.True(ids.All(expectedIds.Contains), $"{where}: a station that does not pass or lies elsewhere");
                if (z >= StationTiles.StationsFromZoom)
                {
                    Assert.Equal(expectedIds.Order(), ids.Order());
                }
                foreach (var kind in Enum.GetValues<StationKind>())
                {
                    Assert.True(expectedKinds.GetValueOrDefault(kind) == kinds.GetValueOrDefault(kind), $"{where}: {kind}");
                }
            }
        }
    }

    [Fact]
    public void Every_zoom_of_the_whole_world_counts_every_station_once_edges_and_poles_included()
    {
        var (rows, index) = Data.Value;
        var none = new NearestFilter([], default);
        for (var z = 0; z <= 3; z++)
        {
            long count = 0;
            foreach (var tile in Descendants(new TileId(0, 0, 0), z))
            {
                var layers = MvtDecoder.Decode(StationTileEncoder.Encode(index.Tiles, tile, none));
                count += Features(layers, StationTileEncoder.ClustersLayer).Sum(c => c.Long("count"))
                    + Features(layers, StationTileEncoder.StationsLayer).Count;
            }
            Assert.Equal(rows.Count, count);
        }
        // The stations at the grid's corners and beyond its latitudes, each in its corner tile at z14 and nowhere else.
        foreach (var (lat, lon) in new[] { (90.0, 180.0), (-90.0, -180.0), (TileGrid.MaxLatitude, -180.0), (-TileGrid.MaxLatitude, 180.0) })
        {
            var tile = TileGrid.TileOf(lat, lon, StationTiles.StationsFromZoom);
            var ids = Features(MvtDecoder.Decode(StationTileEncoder.Encode(index.Tiles, tile, none)), StationTileEncoder.StationsLayer)
                .Select(f => f.Long("id")).ToHashSet();
            var atCorner = rows.Where(r => TileGrid.TileOf(r.Lat, r.Lon, tile.Z) == tile).Select(r => r.Id).ToHashSet();
            Assert.Contains(rows.First(r => r.Lat == lat && r.Lon == lon).Id, ids);
            Assert.Equal(atCorner.Order(), ids.Order());
        }
    }

    [Fact]
    public void Clusters_are_the_occupied_cells_of_a_brute_force_grouping_with_their_mean_points()
    {
        var (rows, index) = Data.Value;
        var random = new Random(Seed + 1);
        var content = new TileContent();
        for (var trial = 0; trial < 400; trial++)
        {
            var filter = RandomFilter(random, out var description);
            var anchor = rows[random.Next(rows.Count)];
            var tile = TileGrid.TileOf(anchor.Lat, anchor.Lon, random.Next(0, StationTiles.StationsFromZoom));
            index.Tiles.Collect(tile, filter, content);

            // Group the passing stations of the tile by the tile 3 zooms deeper: those are the cells.
            var cells = Passing(index, filter)
                .Where(p => TileGrid.TileOf(index[p].Lat, index[p].Lon, tile.Z) == tile)
                .GroupBy(p => TileGrid.TileOf(index[p].Lat, index[p].Lon, tile.Z + StationTiles.CellBits))
                .ToList();
            var singles = cells.Where(c => c.Count() == 1).Select(c => index[c.Single()].Id).Order().ToList();
            Assert.Equal(singles, content.Stations.Select(s => index[s.Position].Id).Order().ToList());
            // Paired by cell: a cluster's point (the floor of its stations' mean) lies in its cell, 512 × 512 tile units.
            var expected = cells.Where(c => c.Count() > 1).ToDictionary(c => (c.Key.X - tile.X * 8, c.Key.Y - tile.Y * 8), c =>
            {
                var scale = Math.Pow(2, 12 + tile.Z - 32);
                var x = (c.Average(p => (double)TileGrid.WorldX(index[p].Lon)) - tile.X * Math.Pow(2, 32 - tile.Z)) * scale;
                var y = (c.Average(p => (double)TileGrid.WorldY(index[p].Lat)) - tile.Y * Math.Pow(2, 32 - tile.Z)) * scale;
                return (X: x, Y: y, Count: c.Count(), Warm: c.Count(p => index[p].Kind == StationKind.WarmStation),
                    Homes: c.Count(p => index[p].Kind == StationKind.WorkersHome));
            });
            var where = $"trial {trial}, {description}, {tile}";
            Assert.True(expected.Count == content.Clusters.Count, $"{where}: {expected.Count} cells, {content.Clusters.Count} clusters");
            foreach (var a in content.Clusters)
            {
                Assert.True(expected.TryGetValue((a.X / 512, a.Y / 512), out var e), $"{where}: a cluster in an empty cell");
                Assert.Equal((e.Count, e.Warm, e.Homes), (a.Count, a.WarmStations, a.WorkersHomes));
                Assert.InRange(a.X, Math.Floor(e.X) - 1, Math.Floor(e.X) + 1);
                Assert.InRange(a.Y, Math.Floor(e.Y) - 1, Math.Floor(e.Y) + 1);
            }
        }
    }

    [Fact]
    public void Filters_on_tiles_pass_exactly_the_stations_nearest_finds_with_the_same_filters()
    {
        var (rows, index) = Data.Value;
        var random = new Random(Seed + 2);
        var hits = new NearestHit[index.Count];
        var stationTiles = rows.Select(r => TileGrid.TileOf(r.Lat, r.Lon, StationTiles.StationsFromZoom)).Distinct().ToList();
        for (var trial = 0; trial < 40; trial++)
        {
            var query = new NearestQuery
            {
                Lat = 39.9,
                Lon = 116.4,
                K = index.Count,
                Kinds = RandomKinds(random),
                Amenities = random.Next(2) == 0 ? Amenity.None : Amenity.Toilet | (random.Next(2) == 0 ? Amenity.DrinkingWater : Amenity.None),
                OpenNow = random.Next(3) == 0,
                Truck = random.Next(4) == 0,
                Hazmat = random.Next(5) == 0,
                VehicleLengthM = random.Next(5) == 0 ? 12.5 : null,
            };
            var now = Instants[trial % Instants.Length];
            var n = index.Nearest(query.Lat, query.Lon, new NearestFilter(query, now), hits);
            var nearestIds = hits.Take(n).Select(h => index[h.Position].Id).Order().ToList();

            var filter = new NearestFilter(query.Kinds, query.Amenities, query.TruckFilter, query.OpenNow, now);
            var world = MvtDecoder.Decode(StationTileEncoder.Encode(index.Tiles, new TileId(0, 0, 0), filter));
            Assert.Equal(n, Features(world, StationTileEncoder.ClustersLayer).Sum(c => c.Long("count")) + Features(world, StationTileEncoder.StationsLayer).Count);
            var tileIds = stationTiles
                .SelectMany(t => Features(MvtDecoder.Decode(StationTileEncoder.Encode(index.Tiles, t, filter)), StationTileEncoder.StationsLayer))
                .Select(f => f.Long("id")).Order().ToList();
            Assert.Equal(nearestIds, tileIds);
        }
    }

    [Fact]
    public void A_station_feature_carries_its_id_kind_and_truck_attributes()
    {
        var builder = new StationIndexBuilder(2);
        builder.Add(new StationIndexRow(41, StationKind.CheckpointRestStop, "A", null, null, 39.9, 116.4, Amenity.Toilet, null, 12, 17.5, true));
        builder.Add(new StationIndexRow(42, StationKind.WorkersHome, "B", null, null, 39.9, 116.46, Amenity.None, null));
        var index = builder.Build(3);
        var tile = TileGrid.TileOf(39.9, 116.4, StationTiles.StationsFromZoom - 4);
        var layers = MvtDecoder.Decode(StationTileEncoder.Encode(index.Tiles, tile, new NearestFilter([], default)));
        Assert.False(layers.ContainsKey(StationTileEncoder.ClustersLayer));
        var layer = layers[StationTileEncoder.StationsLayer];
        Assert.Equal((2, 4096), (layer.Version, layer.Extent));
        var a = layer.Features.Single(f => f.Id == 41);
        Assert.Equal(
            new Dictionary<string, object> { ["id"] = 41UL, ["kind"] = "checkpoint_rest_stop", ["truck"] = true, ["hazmat"] = true, ["maxVehicleLengthM"] = 17.5 },
            a.Properties);
        var b = layer.Features.Single(f => f.Id == 42);
        Assert.Equal(new Dictionary<string, object> { ["id"] = 42UL, ["kind"] = "workers_home", ["truck"] = false, ["hazmat"] = false }, b.Properties);
        // Where the tile puts them: back to degrees within a tile unit (~40 m at z10); 0.06° apart, in different cells.
        var (west, south, east, north) = TileGrid.Bounds(tile);
        Assert.InRange(west + (a.X + 0.5) / 4096 * (east - west), 116.4 - 0.0004, 116.4 + 0.0004);
        Assert.True(b.X > a.X + 512 && b.Y == a.Y);
        Assert.True(north > 39.9 && south < 39.9);

        // One station alone in a cell is a station at low zoom too; two in one cell are a cluster.
        var world = MvtDecoder.Decode(StationTileEncoder.Encode(index.Tiles, new TileId(0, 0, 0), new NearestFilter([], default)));
        Assert.Equal(2, Assert.Single(world[StationTileEncoder.ClustersLayer].Features).Long("count"));
        Assert.Empty(StationTileEncoder.Encode(index.Tiles, new TileId(0, 0, 0), new NearestFilter([StationKind.WarmStation], default)));
        Assert.Empty(StationTileEncoder.Encode(index.Tiles, new TileId(3, 0, 0), new NearestFilter([], default)));
    }

    [Fact]
    public void An_empty_index_gives_empty_tiles()
    {
        var index = new StationIndexBuilder(0).Build(1);
        Assert.Null(index.Tiles.Bounds);
        Assert.Empty(StationTileEncoder.Encode(index.Tiles, new TileId(0, 0, 0), new NearestFilter([], default)));
        Assert.Empty(StationTileEncoder.Encode(index.Tiles, new TileId(22, 5, 7), new NearestFilter([], default)));
    }

    private static void Add(Dictionary<StationKind, long> counts, StationKind kind, long n) => counts[kind] = counts.GetValueOrDefault(kind) + n;

    private static void AssertInTile(MvtDecoder.Feature feature)
    {
        Assert.InRange(feature.X, 0, 4095);
        Assert.InRange(feature.Y, 0, 4095);
    }

    private static IReadOnlyList<MvtDecoder.Feature> Features(IReadOnlyDictionary<string, MvtDecoder.Layer> layers, string name) =>
        layers.TryGetValue(name, out var layer) ? layer.Features : [];

    private static IEnumerable<int> Passing(StationIndex index, NearestFilter filter) =>
        Enumerable.Range(0, index.Count).Where(p => index.Passes(p, filter));

    private static IEnumerable<TileId> Descendants(TileId root, int z)
    {
        var scale = 1 << (z - root.Z);
        for (var dx = 0; dx < scale; dx++)
        {
            for (var dy = 0; dy < scale; dy++)
            {
                yield return new TileId(z, root.X * scale + dx, root.Y * scale + dy);
            }
        }
    }

    private static StationKind[] RandomKinds(Random random) =>
        random.Next(2) == 0 ? [] : Enum.GetValues<StationKind>().Where(_ => random.Next(2) == 0).ToArray();

    private static NearestFilter RandomFilter(Random random, out string description)
    {
        var kinds = RandomKinds(random);
        Amenity[] choices = [Amenity.Toilet, Amenity.DrinkingWater, Amenity.HotWater, Amenity.Wifi];
        var amenities = random.Next(2) == 0 ? Amenity.None : choices[random.Next(choices.Length)] | (random.Next(3) == 0 ? choices[random.Next(choices.Length)] : Amenity.None);
        var truck = new TruckFilter(random.Next(5) == 0, random.Next(6) == 0 ? new[] { 10, 17.5 }[random.Next(2)] : null, random.Next(6) == 0);
        var openNow = random.Next(4) == 0;
        var now = Instants[random.Next(Instants.Length)];
        description = $"kinds [{string.Join(",", kinds)}] amenities {amenities} {truck} openNow {openNow} at {now:u}";
        return new NearestFilter(kinds, amenities, truck, openNow, now);
    }
}
