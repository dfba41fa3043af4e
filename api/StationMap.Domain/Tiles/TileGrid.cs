namespace StationMap.Domain.Tiles;

/// <summary>One tile of the Web Mercator (EPSG:3857) XYZ grid: zoom, column from the west, row from the north.</summary>
public readonly record struct TileId(int Z, int X, int Y)
{
    /// <summary>Whether the tile exists: 0 ≤ z ≤ <see cref="TileGrid.MaxZoom"/> and x, y in [0, 2^z).</summary>
    public bool IsValid => Z is >= 0 and <= TileGrid.MaxZoom && X >= 0 && Y >= 0 && (long)X < 1L << Z && (long)Y < 1L << Z;

    public override string ToString() => $"{Z}/{X}/{Y}";
}

/// <summary>
/// The Web Mercator tile grid on a fixed-point world of 2^32 × 2^32 units (x east from longitude -180, y south from
/// latitude +85.0511°): every station has one world point, and the tile or cell holding it at any zoom is a prefix of
/// its coordinates' bits, so no station sits in two tiles or in none.
/// </summary>
/// <remarks>
/// A tile's west and north edges belong to it, its east and south edges to its neighbours; longitude 180 belongs to
/// the last column (x = 2^z - 1). Latitudes beyond ±<see cref="MaxLatitude"/> (which the square Mercator world cannot
/// show) are clamped onto the top or bottom edge of the grid, so a station near a pole is drawn at that edge and still
/// counted. A world unit is 2π·6378137 / 2^32 ≈ 9 mm at the equator.
/// </remarks>
public static class TileGrid
{
    /// <summary>The latitude of the grid's top edge, atan(sinh(π)) in degrees; the bottom edge is its negative.</summary>
    public const double MaxLatitude = 85.05112877980659;

    /// <summary>The deepest zoom a tile is served at (a tile then spans ~10 m; the world unit is still far finer).</summary>
    public const int MaxZoom = 22;

    /// <summary>Bits of a world coordinate.</summary>
    public const int WorldBits = 32;

    private const double WorldSize = 4294967296.0; // 2^32

    /// <summary>The world x of longitude <paramref name="lon"/>, in [0, 2^32).</summary>
    public static uint WorldX(double lon)
    {
        var x = (lon + 180) / 360 * WorldSize;
        return x <= 0 || double.IsNaN(x) ? 0 : x >= WorldSize ? uint.MaxValue : (uint)x;
    }

    /// <summary>The world y of latitude <paramref name="lat"/> (north is 0), in [0, 2^32); clamped beyond ±<see cref="MaxLatitude"/>.</summary>
    public static uint WorldY(double lat)
    {
        var sin = Math.Sin(Math.Clamp(lat, -MaxLatitude, MaxLatitude) * (Math.PI / 180));
        var y = (0.5 - Math.Log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * WorldSize;
        return y <= 0 || double.IsNaN(y) ? 0 : y >= WorldSize ? uint.MaxValue : (uint)y;
    }

    /// <summary>The tile at zoom <paramref name="z"/> holding (lat, lon).</summary>
    public static TileId TileOf(double lat, double lon, int z) =>
        new(z, (int)((ulong)WorldX(lon) >> (WorldBits - z)), (int)((ulong)WorldY(lat) >> (WorldBits - z)));

    /// <summary>Longitude of the west edge of column <paramref name="x"/> at zoom <paramref name="z"/> (x = 2^z gives 180).</summary>
    public static double LonOf(int z, long x) => x * 360.0 / (1L << z) - 180;

    /// <summary>Latitude of the north edge of row <paramref name="y"/> at zoom <paramref name="z"/> (y = 2^z gives the bottom edge).</summary>
    public static double LatOf(int z, long y) => Math.Atan(Math.Sinh(Math.PI * (1 - 2.0 * y / (1L << z)))) * (180 / Math.PI);

    /// <summary>The tile's edges in WGS-84 degrees: west, south, east, north.</summary>
    public static (double West, double South, double East, double North) Bounds(TileId tile) =>
        (LonOf(tile.Z, tile.X), LatOf(tile.Z, tile.Y + 1L), LonOf(tile.Z, tile.X + 1L), LatOf(tile.Z, tile.Y));

    /// <summary>The Z-order (Morton) key of a world point: x and y bits interleaved, y's above x's at each level.</summary>
    public static ulong Morton(uint x, uint y) => Spread(x) | Spread(y) << 1;

    /// <summary>The world x of a Morton key.</summary>
    public static uint MortonX(ulong key) => Compact(key);

    /// <summary>The world y of a Morton key.</summary>
    public static uint MortonY(ulong key) => Compact(key >> 1);

    /// <summary>The first Morton key inside <paramref name="tile"/>; the tile holds the next 4^(32 - z) keys.</summary>
    public static ulong FirstKey(TileId tile) =>
        tile.Z == 0 ? 0 : Morton((uint)tile.X, (uint)tile.Y) << (2 * (WorldBits - tile.Z));

    /// <summary>The last Morton key inside <paramref name="tile"/>.</summary>
    public static ulong LastKey(TileId tile) =>
        tile.Z == 0 ? ulong.MaxValue : FirstKey(tile) + ((1UL << (2 * (WorldBits - tile.Z))) - 1);

    private static ulong Spread(uint value)
    {
        ulong x = value;
        x = (x | x << 16) & 0x0000_FFFF_0000_FFFFUL;
        x = (x | x << 8) & 0x00FF_00FF_00FF_00FFUL;
        x = (x | x << 4) & 0x0F0F_0F0F_0F0F_0F0FUL;
        x = (x | x << 2) & 0x3333_3333_3333_3333UL;
        x = (x | x << 1) & 0x5555_5555_5555_5555UL;
        return x;
    }

    private static uint Compact(ulong x)
    {
        x &= 0x5555_5555_5555_5555UL;
        x = (x | x >> 1) & 0x3333_3333_3333_3333UL;
        x = (x | x >> 2) & 0x0F0F_0F0F_0F0F_0F0FUL;
        x = (x | x >> 4) & 0x00FF_00FF_00FF_00FFUL;
        x = (x | x >> 8) & 0x0000_FFFF_0000_FFFFUL;
        x = (x | x >> 16) & 0x0000_0000_FFFF_FFFFUL;
        return (uint)x;
    }
}
