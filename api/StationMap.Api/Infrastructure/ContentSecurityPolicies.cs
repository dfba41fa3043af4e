using Microsoft.Extensions.Options;
using StationMap.Api.Hosting;
using StationMap.Api.Jobs;

namespace StationMap.Api.Infrastructure;

/// <summary>
/// The Content-Security-Policy of each kind of page. The map and the API get a strict one that lets in only this site
/// and the configured basemap's tile host; the Hangfire dashboard and the API reference (Scalar) are third-party pages
/// written with inline scripts and styles, so theirs allows inline code but still no other host and no framing.
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

    /// <summary>The dashboard and the API reference: inline scripts and styles of their own, nothing from elsewhere.</summary>
    public string ThirdPartyPage { get; } =
        $"default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + $"connect-src 'self'; font-src 'self' data:; {Common}";

    public string For(PathString path) =>
        path.StartsWithSegments(JobsHosting.DashboardPath) || path.StartsWithSegments(DocsPath) ? ThirdPartyPage : Map;

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
