using System.Globalization;
using StationMap.Benchmarks.Nearest;
using StationMap.Domain.Tiles;

namespace StationMap.Benchmarks.Tiles;

/// <summary>
/// One random set of tiles over the stations' region, weighted like a map session (most views at zoom 10–14), printed
/// as <c>z x y</c> lines: the same set feeds wrk (A), pgbench (B, through a table) and the encoder in process (C).
/// </summary>
internal static class TileSet
{
    // Relative weights of zooms 5..16: an overview now and then, most time spent at city and street level.
    private static readonly int[] ZoomWeights = [1, 1, 2, 3, 4, 8, 10, 12, 12, 10, 5, 3];
    private const int FirstZoom = 5;

    public static int Run(string[] args)
    {
        var options = new CommandOptions(args);
        var box = QueryBox.Parse(options.Get("box"));
        foreach (var tile in Generate(box, options.GetInt("tiles", 20_000), options.GetInt("seed", 16)))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tile.Z} {tile.X} {tile.Y}"));
        }
        return 0;
    }

    public static IEnumerable<TileId> Generate(QueryBox box, int count, int seed)
    {
        var random = new Random(seed);
        var total = ZoomWeights.Sum();
        for (var i = 0; i < count; i++)
        {
            var pick = random.Next(total);
            var zoom = FirstZoom;
            while (pick >= ZoomWeights[zoom - FirstZoom])
            {
                pick -= ZoomWeights[zoom - FirstZoom];
                zoom++;
            }
            var (lat, lon) = box.RandomPoint(random);
            yield return TileGrid.TileOf(lat, lon, zoom);
        }
    }

    /// <summary>Reads the <c>z x y</c> lines <see cref="Run"/> wrote.</summary>
    public static List<TileId> Read(string path) =>
        [.. File.ReadLines(path).Where(l => l.Length > 0).Select(l => l.Split(' ').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .Select(v => new TileId(v[0], v[1], v[2]))];
}
