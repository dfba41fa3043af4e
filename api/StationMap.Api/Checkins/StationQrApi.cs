using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using StationMap.Api.Infrastructure;
using StationMap.Store.Stations;

namespace StationMap.Api.Checkins;

/// <summary>
/// The QR code at a station's door, <c>GET /api/stations/{id}/qr.svg</c>, and the A5 poster that carries it,
/// <c>GET /stations/{id}/poster</c> (with its stylesheet). Both public and cacheable.
/// </summary>
public static class StationQrApi
{
    // The code changes only with the configured address (or a retirement): a day in caches is plenty.
    private const string CodeCaching = "public, max-age=86400";

    // The poster shows the station's name and address, which an import may change.
    private const string PosterCaching = "public, max-age=300";

    private static readonly byte[] Stylesheet = ReadStylesheet();

    public static IEndpointRouteBuilder MapStationQrApi(this IEndpointRouteBuilder app, StationQrOptions options)
    {
        app.MapGroup("/api/stations").WithTags("Visits").RequireRateLimiting(RateLimitPolicies.Lookup)
            .MapGet("/{id:long}/qr.svg", (long id, StationQueries stations, HttpContext context, CancellationToken cancellationToken) =>
                CodeAsync(id, stations, options, context, cancellationToken))
            .WithName("StationQrCode")
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml")
            .WithSummary("The QR code for a station's door, as SVG: it holds {Checkins:PublicBaseUrl}/#/station/{id}/checkin, which opens the station's card with its check-in button")
            .WithDescription("404 for an unknown station, 410 for a retired one. Worst case: one primary-key lookup and a code of ~100 characters (well under 1 ms).");
        var posters = app.MapGroup("/stations").WithTags("Visits").RequireRateLimiting(RateLimitPolicies.Lookup);
        posters.MapGet("/{id:long}/poster", (long id, StationQueries stations, HttpContext context, CancellationToken cancellationToken) =>
                PosterAsync(id, stations, options, context, cancellationToken))
            .WithName("StationPoster")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .WithSummary("A printable A5 poster (HTML, Chinese) with the station's name, kind, the check-in prompt, its QR code and address; a retired station's says it is closed")
            .WithDescription("404 for an unknown station. Worst case: as qr.svg.");
        posters.MapGet("/" + StationPoster.StylesheetName, (HttpContext context) =>
            {
                context.Response.Headers.CacheControl = "public, max-age=3600";
                return TypedResults.Bytes(Stylesheet, "text/css; charset=utf-8");
            })
            .ExcludeFromDescription();
        return app;
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> CodeAsync(
        long id, StationQueries stations, StationQrOptions options, HttpContext context, CancellationToken cancellationToken)
    {
        var station = await stations.ByIdAsync(id, cancellationToken);
        if (station is null)
        {
            return NotFound(id);
        }
        if (station.IsRetired)
        {
            // A code that invites check-ins must not be printed for a station that is gone.
            return TypedResults.Problem(
                title: "Station retired", detail: $"Station {id} is no longer in service.", statusCode: StatusCodes.Status410Gone);
        }
        context.Response.Headers.CacheControl = CodeCaching;
        return TypedResults.Text(StationQrCode.Svg(options.CheckinUrl(id, context.Request)), "image/svg+xml", Encoding.UTF8);
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> PosterAsync(
        long id, StationQueries stations, StationQrOptions options, HttpContext context, CancellationToken cancellationToken)
    {
        var station = await stations.ByIdAsync(id, cancellationToken);
        if (station is null)
        {
            return NotFound(id);
        }
        context.Response.Headers.CacheControl = PosterCaching;
        return TypedResults.Text(StationPoster.Html(station, options.CheckinUrl(id, context.Request)), "text/html", Encoding.UTF8);
    }

    private static ProblemHttpResult NotFound(long id) => TypedResults.Problem(
        title: "Station not found", detail: $"No station has id {id}.", statusCode: StatusCodes.Status404NotFound);

    private static byte[] ReadStylesheet()
    {
        using var stream = typeof(StationQrApi).Assembly.GetManifestResourceStream(StationPoster.StylesheetName)
            ?? throw new InvalidOperationException($"{StationPoster.StylesheetName} is not embedded in the API");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
