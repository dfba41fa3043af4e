using StationMap.Domain.Nearest;
using StationMap.Domain.Queries;

namespace StationMap.Domain.Tests.Nearest;

/// <summary>
/// The index's latitude/longitude grid and the clusters built on it against a scan of every station, on seeded random
/// stations and boxes from a few metres to the whole world, with kind and truck filters.
/// </summary>
public sealed class StationGridTests
{
    private const int Seed = 20_261_201;

    [Theory]
    [MemberData(nameof(RandomStations.Layouts), MemberType = typeof(RandomStations))]
    public void A_box_holds_exactly_the_stations_a_scan_finds_inside_it(string layout, int count)
    {
        var random = new Random(Seed + count);
        var (rows, index) = Build(layout, count, random);
        for (var q = 0; q < 300; q++)
        {
            var box = RandomBox(layout, rows, random);
            var filter = RandomFilter(random, out var kinds, out var truck);
            var expected = rows.Where(r => box.Contains(r.Lat, r.Lon) && Passes(r, kinds, truck)).Select(r => r.Id).Order().ToList();
            var actual = new List<long>();
            foreach (var p in index.Grid.InBox(box))
            {
                if (index.Passes(p, filter))
                {
                    actual.Add(index[p].Id);
                }
            }
            Assert.True(expected.SequenceEqual(actual.Order()), $"seed {Seed + count}, {layout} box {q} {box}: expected {expected.Count} got {actual.Count}");
        }
    }

    [Theory]
    [MemberData(nameof(RandomStations.Layouts), MemberType = typeof(RandomStations))]
    public void Clusters_count_each_matching_station_once_in_the_cell_a_scan_puts_it(string layout, int count)
    {
        var random = new Random(Seed + 7 * count);
        var (rows, index) = Build(layout, count, random);
        for (var q = 0; q < 200; q++)
        {
            var box = RandomBox(layout, rows, random);
            var cellDegrees = StationClustering.CellDegreesAt(random.Next(0, 23));
            if (StationClustering.CellsSpanned(box, cellDegrees) > StationClustering.MaxCells)
            {
                continue;
            }
            RandomFilter(random, out var kinds, out _);
            var filter = new NearestFilter(kinds, default);
            var expected = rows
                .Where(r => box.Contains(r.Lat, r.Lon) && Passes(r, kinds, default))
                .GroupBy(r => (X: NearestMultiple(r.Lon, cellDegrees), Y: NearestMultiple(r.Lat, cellDegrees)))
                .Select(g => (g.Key, Cluster: new StationCluster(
                    g.Average(r => r.Lat), g.Average(r => r.Lon), g.Count(),
                    g.Count(r => r.Kind == StationKind.WarmStation), g.Count(r => r.Kind == StationKind.WorkersHome),
                    g.Count(r => r.Kind == StationKind.CheckpointRestStop), g.Count() == 1 ? g.Single().Id : null)))
                .OrderByDescending(c => c.Cluster.Count).ThenBy(c => c.Key.X).ThenBy(c => c.Key.Y)
                .Select(c => c.Cluster)
                .ToList();
            var actual = StationClustering.Cluster(index, box, filter, cellDegrees);
            var context = $"seed {Seed + 7 * count}, {layout} box {q} {box} cell {cellDegrees}°";
            Assert.True(expected.Count == actual.Count, $"{context}: {expected.Count} cells expected, got {actual.Count}");
            for (var i = 0; i < expected.Count; i++)
            {
                var (e, a) = (expected[i], actual[i]);
                Assert.True(e with { Lat = 0, Lon = 0 } == a with { Lat = 0, Lon = 0 }, $"{context}: cell {i} expected {e} got {a}");
                Assert.True(Math.Abs(e.Lat - a.Lat) < 1e-9 && Math.Abs(e.Lon - a.Lon) < 1e-9, $"{context}: cell {i} at {a.Lat},{a.Lon}, expected {e.Lat},{e.Lon}");
            }
        }
    }

    [Theory]
    [InlineData(-180, -85, 180, 85, 3, 33 * 17)]
    [InlineData(116, 39, 117, 40, 9, 7 * 7)]
    [InlineData(-180, -90, 180, 90, 22, 1.41e14)]
    public void A_box_spans_the_cells_its_corners_snap_to(double minLon, double minLat, double maxLon, double maxLat, int zoom, double cells) =>
        Assert.Equal(cells, StationClustering.CellsSpanned(new BoundingBox(minLon, minLat, maxLon, maxLat), StationClustering.CellDegreesAt(zoom)), 0.01 * cells);

    // The multiple of the cell size nearest to the value; halfway between two, the even one (as PostGIS's rint).
    private static long NearestMultiple(double value, double size)
    {
        var below = (long)Math.Floor(value / size);
        var fromBelow = value / size - below;
        return fromBelow < 0.5 || (fromBelow == 0.5 && below % 2 == 0) ? below : below + 1;
    }

    private static (List<StationIndexRow> Rows, StationIndex Index) Build(string layout, int count, Random random)
    {
        var rows = RandomStations.Rows(layout, count, random);
        var builder = new StationIndexBuilder(count);
        foreach (var row in rows.OrderBy(_ => random.Next()))
        {
            builder.Add(row);
        }
        return (rows, builder.Build(version: 1));
    }

    private static BoundingBox RandomBox(string layout, List<StationIndexRow> rows, Random random)
    {
        if (random.NextDouble() < 0.05)
        {
            return new BoundingBox(-180, -90, 180, 90);
        }
        var (lat, lon) = rows.Count > 0 && random.NextDouble() < 0.2 ? RandomStations.At(rows[random.Next(rows.Count)]) : RandomStations.Point(layout, random);
        if (random.NextDouble() < 0.05)
        {
            // A box of one point, on a station: its edges are inclusive.
            return new BoundingBox(lon, lat, lon, lat);
        }
        // From about 10 m to the whole world, spread evenly over the orders of magnitude.
        var width = 1e-4 * Math.Pow(3.6e6, random.NextDouble());
        var height = 1e-4 * Math.Pow(1.8e6, random.NextDouble());
        return new BoundingBox(
            Math.Max(-180, lon - width / 2), Math.Max(-90, lat - height / 2), Math.Min(180, lon + width / 2), Math.Min(90, lat + height / 2));
    }

    private static NearestFilter RandomFilter(Random random, out StationKind[] kinds, out TruckFilter truck)
    {
        kinds = Enum.GetValues<StationKind>().Where(_ => random.NextDouble() < 0.3).ToArray();
        truck = random.NextDouble() < 0.6
            ? default
            : new TruckFilter(random.NextDouble() < 0.4, random.NextDouble() < 0.4 ? new[] { 9.6, 12, 17.5 }[random.Next(3)] : null, random.NextDouble() < 0.3);
        return new NearestFilter(kinds, truck);
    }

    private static bool Passes(StationIndexRow r, StationKind[] kinds, TruckFilter truck) =>
        (kinds.Length == 0 || kinds.Contains(r.Kind))
        && (!truck.Truck || r.TruckParkingSpaces > 0)
        && (truck.VehicleLengthM is not { } length || r.MaxVehicleLengthM >= length)
        && (!truck.Hazmat || r.HazmatAllowed);
}
