using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace StationMap.Api.MapPage;

/// <summary>Serves the built map client (map-client/ → wwwroot) at <c>/</c>.</summary>
public static class MapPageHosting
{
    // Vite puts content-hashed files under /assets/: a new build gets new names, so they never need revalidating.
    private const string HashedAssets = "/assets";

    /// <summary>
    /// Compression for the map's answers: a view of stations is GeoJSON that gzip shrinks about tenfold, which is what a
    /// phone on a weak connection needs (a station vector tile by a quarter to a third). The data is public, so compressing over HTTPS reveals nothing.
    /// </summary>
    public static WebApplicationBuilder AddMapPage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MapOptions>().BindConfiguration(MapOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/geo+json", "application/problem+json", Tiles.TilesApi.TileContentType]);
        });
        return builder;
    }

    public static WebApplication UseMapPage(this WebApplication app)
    {
        app.UseResponseCompression();
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                // index.html, the service worker and the manifest must be revalidated, or a phone keeps an old app forever.
                headers[HeaderNames.CacheControl] = context.Context.Request.Path.StartsWithSegments(HashedAssets)
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
            },
        });
        return app;
    }
}
