using Microsoft.AspNetCore.Http.Extensions;

namespace StationMap.Api.Ogc;

/// <summary>
/// The links of OGC API answers, absolute as the request reached us (scheme and host; <c>X-Forwarded-*</c> only from
/// trusted proxies): GDAL's OAPIF driver resolves a root-relative link against the landing page's URL, path included,
/// which would double <c>/ogc</c>.
/// </summary>
public static class OgcLinks
{
    public const string Json = "application/json";
    public const string GeoJson = "application/geo+json";
    public const string Html = "text/html";
    public const string JsonSchema = "application/schema+json";
    public const string OpenApi = "application/vnd.oai.openapi+json;version=3.0";

    /// <summary>The OGC API's root, e.g. <c>http://127.0.0.1:5080/ogc</c>.</summary>
    public static string Root(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}{OgcApi.Path}";

    /// <summary>A resource under the root, with <c>f</c> when <paramref name="format"/> is given.</summary>
    public static string To(HttpRequest request, string path, string? format = null) =>
        Root(request) + path + (format is null ? "" : "?f=" + format);

    /// <summary>This request's URL with parameters set (a null value removes one), the others kept as they came.</summary>
    public static string Here(HttpRequest request, params (string Name, string? Value)[] changes)
    {
        var changed = changes.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var query = new QueryBuilder(request.Query
            .Where(p => !changed.Contains(p.Key))
            .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v ?? ""))));
        foreach (var (name, value) in changes)
        {
            if (value is not null)
            {
                query.Add(name, value);
            }
        }
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{query.ToQueryString()}";
    }

    /// <summary>The document itself as JSON (<paramref name="type"/>) and as HTML.</summary>
    public static IEnumerable<OgcLink> SelfAndAlternate(HttpRequest request, string type, bool html) =>
    [
        new(Here(request, ("f", html ? QueryFormat.Html : QueryFormat.Json)), "self", html ? Html : type, "本页 This document"),
        new(Here(request, ("f", html ? QueryFormat.Json : QueryFormat.Html)), "alternate", html ? type : Html,
            html ? "JSON 格式 This document as JSON" : "网页 This document as HTML"),
    ];
}
