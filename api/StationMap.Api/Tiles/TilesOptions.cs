using System.ComponentModel.DataAnnotations;

namespace StationMap.Api.Tiles;

/// <summary>Caching of the vector tiles (<c>Tiles</c> section).</summary>
public sealed class TilesOptions
{
    public const string Section = "Tiles";

    /// <summary>
    /// How long a client or a shared cache may use a tile (and the TileJSON) without asking again: the
    /// <c>max-age</c> of <c>Cache-Control</c>. After it a conditional request costs a 304 while the data version is the
    /// same. It bounds how long a retired station can stay on a phone's map after the server dropped it.
    /// </summary>
    [Range(0, 86_400)]
    public int MaxAgeSeconds { get; set; } = 60;

    /// <summary>Tiles up to this zoom are kept once built, per data version and filters (<see cref="TileCache"/>).</summary>
    [Range(0, 22)]
    public int CacheMaxZoom { get; set; } = 8;

    /// <summary>At most this many tiles are kept (0: none); at the limit the cache starts over.</summary>
    [Range(0, 1_000_000)]
    public int CacheMaxTiles { get; set; } = 4096;
}
