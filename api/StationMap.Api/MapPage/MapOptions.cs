using System.ComponentModel.DataAnnotations;

namespace StationMap.Api.MapPage;

/// <summary>The web map's basemap, sent to the page by <c>GET /api/config</c>.</summary>
public sealed class MapOptions
{
    public const string Section = "Map";

    /// <summary>An XYZ raster tile template with {z}/{x}/{y} (and optionally {s} is not supported: list one host).</summary>
    [Required]
    public string TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    /// <summary>Attribution shown on the map; required by most tile providers' terms.</summary>
    [Required]
    public string Attribution { get; set; } = "© OpenStreetMap contributors";

    [Range(1, 22)]
    public int MaxZoom { get; set; } = 19;

    /// <summary>The datum the tiles are drawn in: <c>wgs84</c> (OpenStreetMap) or <c>gcj02</c> (Amap, Tencent).</summary>
    [RegularExpression("^(wgs84|gcj02)$", ErrorMessage = "Map:BasemapCrs must be wgs84 or gcj02")]
    public string BasemapCrs { get; set; } = "wgs84";
}
