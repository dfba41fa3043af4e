using System.Text.Json.Nodes;
using Microsoft.Net.Http.Headers;

namespace StationMap.Api.Ogc;

/// <summary>
/// JSON or HTML, as OGC API asks: <c>f</c> decides; without it, HTML only when the client prefers it to JSON (a
/// browser's <c>Accept</c>), so GIS clients and <c>curl</c> get JSON.
/// </summary>
public static class OgcFormat
{
    public static bool WantsHtml(QueryFormat? f, HttpRequest request)
    {
        if (f is { IsBlank: false, Value: { } format })
        {
            return format == QueryFormat.Html;
        }
        double html = 0, json = 0;
        foreach (var accepted in request.GetTypedHeaders().Accept)
        {
            var quality = accepted.Quality ?? 1;
            var type = accepted.MediaType.Value ?? "";
            if (type is "text/html" or "application/xhtml+xml")
            {
                html = Math.Max(html, quality);
            }
            else if (type.EndsWith("json", StringComparison.OrdinalIgnoreCase))
            {
                json = Math.Max(json, quality);
            }
        }
        return html > json;
    }

    public static IResult Json(object document, OgcJson json, string contentType) =>
        TypedResults.Json<object>(document, json.Options, contentType);

    public static IResult Html(string page) => TypedResults.Content(page, "text/html; charset=utf-8");

    public static IResult Schema(JsonObject schema) => TypedResults.Content(schema.ToJsonString(), OgcLinks.JsonSchema + "; charset=utf-8");
}
