using System.Diagnostics;
using System.Globalization;
using StationMap.Benchmarks.Nearest;
using StationMap.Domain;
using StationMap.Domain.Nearest;
using StationMap.Domain.Queries;
using StationMap.Domain.Tiles;

namespace StationMap.Benchmarks.Tiles;

/// <summary>
/// The station tiles in process, one thread: how long the tile pyramid takes to build over N generated stations and
/// how much memory it keeps, then the time and size of tiles at random points of the box at every zoom, without and
/// with filters. Prints a table (and key=value lines for scripts).
/// </summary>
internal static class InProcessTilesRun
{
    public static int Run(string[] args)
    {
        var options = new CommandOptions(args);
        var count = options.GetInt("count", 1_000_000);
        var seed = options.GetInt("seed", 7);
        var perZoom = options.GetInt("tiles", 2000);
        var box = QueryBox.Parse(options.Get("box"));
        var inv = CultureInfo.InvariantCulture;

        var builder = GeneratedIndex.Rows(count, seed);
        var watch = Stopwatch.StartNew();
        var index = builder.Build(1);
        var indexMs = watch.Elapsed.TotalMilliseconds;

        // The pyramid again on its own, three times: the median build, what it keeps, what it allocates on the way.
        var builds = new List<double>();
        long kept = 0, allocated = 0;
        for (var i = 0; i < 3; i++)
        {
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            watch.Restart();
            var tiles = StationTiles.Build(index);
            builds.Add(watch.Elapsed.TotalMilliseconds);
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            kept = GC.GetTotalMemory(forceFullCollection: true) - before;
            GC.KeepAlive(tiles);
        }
        builds.Sort();
        Console.WriteLine(string.Create(inv, $"stations={index.Count}"));
        Console.WriteLine(string.Create(inv, $"index_build_ms={indexMs:F0} (includes the pyramid)"));
        Console.WriteLine(string.Create(inv, $"pyramid_build_ms={builds[1]:F0}"));
        Console.WriteLine(string.Create(inv, $"pyramid_kept_mb={kept / 1048576.0:F1} ({(double)kept / index.Count:F1} bytes/station)"));
        Console.WriteLine(string.Create(inv, $"pyramid_allocated_mb={allocated / 1048576.0:F1}"));
        Console.WriteLine(string.Create(inv, $"pyramid_summaries={index.Tiles.SummaryCount}"));

        var now = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));
        (string Name, NearestFilter Filter)[] filters =
        [
            ("none", new NearestFilter([], default)),
            ("kind", new NearestFilter([StationKind.WorkersHome], default)),
            ("amenity", new NearestFilter([], Amenity.Toilet, default, false, now)),
            ("openNow", new NearestFilter([], Amenity.None, default, true, now)),
            ("truck", new NearestFilter([], Amenity.None, new TruckFilter(true, 12, false), false, now)),
        ];
        var random = new Random(seed + 3);
        // Warm up the JIT on every path first.
        for (var i = 0; i < 2000; i++)
        {
            var p = box.RandomPoint(random);
            StationTileEncoder.Encode(index.Tiles, TileGrid.TileOf(p.Lat, p.Lon, random.Next(0, 16)), filters[i % filters.Length].Filter);
        }
        Console.WriteLine();
        Console.WriteLine($"random tiles over the box, {perZoom} per zoom and filter, one thread (µs per tile: p50 / p99 / max; mean bytes)");
        Console.Write("zoom".PadLeft(4));
        foreach (var (name, _) in filters)
        {
            Console.Write(name.PadLeft(30));
        }
        Console.WriteLine();
        var all = new List<double>();
        for (var z = 0; z <= StationTiles.StationsFromZoom + 1; z++)
        {
            Console.Write(z.ToString(inv).PadLeft(4));
            foreach (var (name, filter) in filters)
            {
                var times = new double[perZoom];
                long bytes = 0;
                for (var i = 0; i < perZoom; i++)
                {
                    var p = box.RandomPoint(random);
                    var tile = TileGrid.TileOf(p.Lat, p.Lon, z);
                    var start = Stopwatch.GetTimestamp();
                    bytes += StationTileEncoder.Encode(index.Tiles, tile, filter).Length;
                    times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                }
                Array.Sort(times);
                if (name == "none")
                {
                    all.AddRange(times);
                }
                Console.Write(string.Create(inv, $"{times[perZoom / 2],7:F0} /{times[perZoom * 99 / 100],6:F0} /{times[^1],6:F0}; {bytes / perZoom,6}").PadLeft(30));
            }
            Console.WriteLine();
        }
        all.Sort();
        Console.WriteLine(string.Create(inv, $"unfiltered_all_zooms_p50_us={all[all.Count / 2]:F0}"));
        Console.WriteLine(string.Create(inv, $"unfiltered_all_zooms_p99_us={all[all.Count * 99 / 100]:F0}"));
        return 0;
    }
}
