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
}
