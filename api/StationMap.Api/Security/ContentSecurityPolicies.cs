using Microsoft.Extensions.Options;
using StationMap.Api.MapPage;
using StationMap.Api.Sources;

namespace StationMap.Api.Security;

/// <summary>
/// The Content-Security-Policy of each kind of page. The map and the API get a strict one that lets in only this site
/// and the configured basemap's tile host; the Hangfire dashboard the same without the tile host and with inline styles; the API reference
/// (Scalar) is written with inline scripts and styles, so its policy allows inline code but still no other host.
/// </summary>
public sealed class ContentSecurityPolicies
{
    public const string DocsPath = "/docs";

    private const string Common = "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public ContentSecurityPolicies(IOptions<MapOptions> map)
    {
        var tiles = TileOrigin(map.Value.TileUrl);
        // Tiles are fetched (connect-src) and drawn from blobs (img-src blob:); the map's worker is its own script file.
        Map = $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: {tiles}; "
            + $"connect-src 'self' {tiles}; worker-src 'self'; font-src 'self'; manifest-src 'self'; {Common}";
    }

    /// <summary>The map page, its assets and every API answer.</summary>
    public string Map { get; }

    /// <summary>
    /// The Hangfire dashboard: its scripts are files of its own, but its pages and charts set inline styles (a style
    /// cannot run code, so allowing those opens far less than inline scripts would).
    /// </summary>
    public string Dashboard { get; } =
        $"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
        + $"font-src 'self'; {Common}";

    /// <summary>The API reference (Scalar) starts itself with an inline module script and sets inline styles.</summary>
    public string Docs { get; } =
        $"default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + $"connect-src 'self'; font-src 'self' data:; {Common}";

    public string For(PathString path) =>
        path.StartsWithSegments(SourcesHosting.DashboardPath) ? Dashboard : path.StartsWithSegments(DocsPath) ? Docs : Map;

    /// <summary>
    /// The scheme and host of a tile template such as <c>https://tile.openstreetmap.org/{z}/{x}/{y}.png</c>; the
    /// placeholders are filled in only to parse it.
    /// </summary>
    public static string TileOrigin(string template)
    {
        var sample = template.Replace("{z}", "0").Replace("{x}", "0").Replace("{y}", "0");
        return Uri.TryCreate(sample, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri.GetLeftPart(UriPartial.Authority)
            : "'self'";
    }
}
