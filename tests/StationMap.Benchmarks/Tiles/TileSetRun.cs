using System.Diagnostics;
using System.Globalization;
using StationMap.Benchmarks.Nearest;
using StationMap.Domain.Nearest;
using StationMap.Domain.Tiles;

namespace StationMap.Benchmarks.Tiles;

/// <summary>
/// C of <c>scripts/bench.sh tiles</c>: the tile encoder in process, one thread, over the same tile set as A and B and
/// the same generated stations (<c>load-generated</c>'s generator and region): tiles per second, latency and bytes per
/// tile, as key=value lines.
/// </summary>
internal static class TileSetRun
{
    public static int Run(string[] args)
    {
        var options = new CommandOptions(args);
        var count = options.GetInt("count", 1_000_000);
        var seconds = options.GetInt("seconds", 10);
        var tiles = TileSet.Read(options.Get("tiles"));
        var index = GeneratedIndex.Build(count, options.GetInt("seed", 7));
        var filter = new NearestFilter([], default);

        var bytes = tiles.Select(t => StationTileEncoder.Encode(index.Tiles, t, filter).Length).ToArray();
        var times = new List<double>();
        var watch = Stopwatch.StartNew();
        for (var i = 0; watch.Elapsed.TotalSeconds < seconds; i++)
        {
            var start = Stopwatch.GetTimestamp();
            StationTileEncoder.Encode(index.Tiles, tiles[i % tiles.Count], filter);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        var elapsed = watch.Elapsed.TotalSeconds;
        times.Sort();
        Array.Sort(bytes);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"tiles_per_s={times.Count / elapsed:F0}"));
        Console.WriteLine(string.Create(inv, $"p50_ms={times[times.Count / 2]:F3}"));
        Console.WriteLine(string.Create(inv, $"p90_ms={times[times.Count * 9 / 10]:F3}"));
        Console.WriteLine(string.Create(inv, $"p99_ms={times[times.Count * 99 / 100]:F3}"));
        Console.WriteLine(string.Create(inv, $"bytes_p50={bytes[bytes.Length / 2]}"));
        Console.WriteLine(string.Create(inv, $"bytes_p99={bytes[bytes.Length * 99 / 100]}"));
        return 0;
    }
}
