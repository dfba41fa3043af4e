using System.Globalization;
using StationMap.Benchmarks.Nearest;
using StationMap.DemoData;
using StationMap.Domain.Tiles;

namespace StationMap.Benchmarks.Tiles;

/// <summary>
/// One random set of tiles, weighted like map sessions: views at a zoom (most at 10–14), centred where the stations
/// are (on a generated station), each asking every tile a phone (360×640) or a desktop (1280×800) viewport of
/// MapLibre's 512-px tiles shows. Printed as <c>z x y</c> lines: the same set feeds wrk (A), pgbench (B, through a
/// table) and the encoder in process (C).
/// </summary>
internal static class TileSet
{
    // Relative weights of zooms 5..16: an overview now and then, most time spent at city and street level.
    private static readonly int[] ZoomWeights = [1, 1, 2, 3, 4, 8, 10, 12, 12, 10, 5, 3];
    private const int FirstZoom = 5;
    private const int TilePixels = 512;
    private static readonly (int Width, int Height)[] Viewports = [(360, 640), (1280, 800)];

    public static int Run(string[] args)
    {
        var options = new CommandOptions(args);
        foreach (var tile in Generate(options.GetInt("tiles", 20_000), options.GetInt("seed", 16)))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tile.Z} {tile.X} {tile.Y}"));
        }
        return 0;
    }

    public static IEnumerable<TileId> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var centres = StationGenerator.Generate(4096, seed, GeneratorRegion.Jingjinji).Select(s => (s.Lat, s.Lon)).ToArray();
        var total = ZoomWeights.Sum();
        var emitted = 0;
        while (emitted < count)
        {
            var pick = random.Next(total);
            var zoom = FirstZoom;
            while (pick >= ZoomWeights[zoom - FirstZoom])
            {
                pick -= ZoomWeights[zoom - FirstZoom];
                zoom++;
            }
            var (lat, lon) = centres[random.Next(centres.Length)];
            var (width, height) = Viewports[random.Next(Viewports.Length)];
            foreach (var tile in View(lat, lon, zoom, width, height).Take(count - emitted))
            {
                emitted++;
                yield return tile;
            }
        }
    }

    // The tiles of a viewport centred on (lat, lon), row by row as a map asks them.
    private static IEnumerable<TileId> View(double lat, double lon, int zoom, int width, int height)
    {
        var unitsPerTile = Math.Pow(2, TileGrid.WorldBits - zoom);
        var x = TileGrid.WorldX(lon) / unitsPerTile;
        var y = TileGrid.WorldY(lat) / unitsPerTile;
        double halfWidth = width / 2.0 / TilePixels, halfHeight = height / 2.0 / TilePixels;
        var last = (1 << zoom) - 1;
        for (var row = Math.Max(0, (int)(y - halfHeight)); row <= Math.Min(last, (int)(y + halfHeight)); row++)
        {
            for (var column = Math.Max(0, (int)(x - halfWidth)); column <= Math.Min(last, (int)(x + halfWidth)); column++)
            {
                yield return new TileId(zoom, column, row);
            }
        }
    }

    /// <summary>Reads the <c>z x y</c> lines <see cref="Run"/> wrote.</summary>
    public static List<TileId> Read(string path) =>
        [.. File.ReadLines(path).Where(l => l.Length > 0).Select(l => l.Split(' ').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .Select(v => new TileId(v[0], v[1], v[2]))];
}
