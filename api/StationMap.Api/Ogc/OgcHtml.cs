using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace StationMap.Api.Ogc;

/// <summary>
/// The HTML of OGC API's documents (conformance class "html"): plain pages a person can read and follow, Chinese
/// first, then English; no script or style, so the site's Content-Security-Policy holds unchanged.
/// </summary>
public static class OgcHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string Landing(HttpRequest request, LandingPage page) =>
        Page(request, page.Title, b =>
        {
            Paragraph(b, page.Description);
            Links(b, page.Links);
        });

    public static string Conformance(HttpRequest request, ConformanceDeclaration declaration) =>
        Page(request, "符合的标准类 Conformance classes", b =>
        {
            b.Append("<ul>");
            foreach (var uri in declaration.ConformsTo)
            {
                b.Append("<li><a href=\"").Append(Attribute(uri)).Append("\">").Append(Text(uri)).Append("</a></li>");
            }
            b.Append("</ul>");
        });

    public static string Collections(HttpRequest request, CollectionsDocument document) =>
        Page(request, "数据集 Collections", b =>
        {
            b.Append("<table><thead><tr><th>编号 Id</th><th>名称 Title</th><th>说明 Description</th></tr></thead><tbody>");
            foreach (var c in document.Collections)
            {
                b.Append("<tr><td><a href=\"").Append(Attribute(OgcLinks.To(request, "/collections/" + c.Id, QueryFormat.Html))).Append("\">")
                    .Append(Text(c.Id)).Append("</a></td><td>").Append(Text(c.Title)).Append("</td><td>").Append(Text(c.Description)).Append("</td></tr>");
            }
            b.Append("</tbody></table>");
            Crs(b, document.Crs);
        });

    public static string Collection(HttpRequest request, CollectionDocument collection) =>
        Page(request, collection.Title, b =>
        {
            Paragraph(b, collection.Description);
            if (collection.Extent?.Spatial.Bbox is [var box, ..])
            {
                Paragraph(b, string.Create(CultureInfo.InvariantCulture,
                    $"范围 Extent (CRS84): {box[0]:0.######}, {box[1]:0.######} – {box[2]:0.######}, {box[3]:0.######}"));
            }
            Crs(b, collection.Crs);
            Links(b, collection.Links);
        });

    public static string Items(HttpRequest request, string title, OgcFeatureCollection page, JsonSerializerOptions json, string crs) =>
        Page(request, title, b =>
        {
            Paragraph(b, string.Create(CultureInfo.InvariantCulture,
                $"共 {page.NumberMatched} 个，本页 {page.NumberReturned} 个。{page.NumberMatched} matched, {page.NumberReturned} on this page. 坐标 Coordinates: {crs}"));
            var rows = page.Features.Select(f => (f.Id, f.Geometry, Properties: JsonSerializer.SerializeToElement(f.Properties, f.Properties.GetType(), json))).ToList();
            var columns = rows.SelectMany(r => r.Properties.EnumerateObject().Select(p => p.Name)).Distinct().ToList();
            b.Append("<table><thead><tr><th>编号 Id</th><th>坐标 Coordinates</th>");
            foreach (var column in columns)
            {
                b.Append("<th>").Append(Text(column)).Append("</th>");
            }
            b.Append("</tr></thead><tbody>");
            var items = request.Path.Value!;
            foreach (var (id, geometry, properties) in rows)
            {
                var href = $"{request.Scheme}://{request.Host}{request.PathBase}{items}/{id}?f=html&crs={Uri.EscapeDataString(crs)}";
                b.Append("<tr><td><a href=\"").Append(Attribute(href)).Append("\">").Append(id).Append("</a></td><td>")
                    .Append(Text(string.Join(", ", geometry.Coordinates.Select(c => c.ToString("R", CultureInfo.InvariantCulture))))).Append("</td>");
                foreach (var column in columns)
                {
                    b.Append("<td>").Append(properties.TryGetProperty(column, out var value) ? Text(Value(value)) : "").Append("</td>");
                }
                b.Append("</tr>");
            }
            b.Append("</tbody></table>");
            Links(b, page.Links);
        });

    public static string Item(HttpRequest request, string title, LinkedFeature feature, JsonSerializerOptions json, string crs) =>
        Page(request, title, b =>
        {
            var properties = JsonSerializer.SerializeToElement(feature.Properties, feature.Properties.GetType(), json);
            b.Append("<dl><dt>编号 Id</dt><dd>").Append(feature.Id).Append("</dd><dt>坐标 Coordinates (").Append(Text(crs)).Append(")</dt><dd>")
                .Append(Text(string.Join(", ", feature.Geometry.Coordinates.Select(c => c.ToString("R", CultureInfo.InvariantCulture))))).Append("</dd>");
            foreach (var property in properties.EnumerateObject())
            {
                b.Append("<dt>").Append(Text(property.Name)).Append("</dt><dd>").Append(Text(Value(property.Value))).Append("</dd>");
            }
            b.Append("</dl>");
            Links(b, feature.Links);
        });

    /// <summary>A JSON Schema (queryables, a feature's schema) as a table of its properties.</summary>
    public static string Schema(HttpRequest request, string title, System.Text.Json.Nodes.JsonObject schema) =>
        Page(request, title, b =>
        {
            b.Append("<table><thead><tr><th>名称 Name</th><th>类型 Type</th><th>说明 Description</th></tr></thead><tbody>");
            foreach (var (name, node) in schema["properties"]?.AsObject() ?? [])
            {
                var type = node?["type"]?.ToJsonString().Trim('"') ?? "";
                var choices = node?["enum"] is { } e ? ": " + string.Join(", ", e.AsArray().Select(v => v?.ToString())) : "";
                b.Append("<tr><td>").Append(Text(name)).Append("</td><td>").Append(Text(type + choices)).Append("</td><td>")
                    .Append(Text(node?["description"]?.ToString() ?? "")).Append("</td></tr>");
            }
            b.Append("</tbody></table>");
        });

    private static string Page(HttpRequest request, string title, Action<StringBuilder> body)
    {
        var b = new StringBuilder(4096);
        b.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
            .Append(Text(title)).Append(" · StationMap OGC API</title></head><body><nav><a href=\"")
            .Append(Attribute(OgcLinks.To(request, "", QueryFormat.Html))).Append("\">首页 Home</a> · <a href=\"")
            .Append(Attribute(OgcLinks.To(request, "/collections", QueryFormat.Html))).Append("\">数据集 Collections</a></nav><main><h1>")
            .Append(Text(title)).Append("</h1>");
        body(b);
        b.Append("</main></body></html>");
        return b.ToString();
    }

    private static void Paragraph(StringBuilder b, string text) => b.Append("<p>").Append(Text(text)).Append("</p>");

    private static void Crs(StringBuilder b, IEnumerable<string> crs)
    {
        b.Append("<h2>坐标参考系 Coordinate reference systems</h2><ul>");
        foreach (var uri in crs)
        {
            b.Append("<li>").Append(Text(uri)).Append(uri == OgcCrs.Cgcs2000 ? "（CGCS2000，纬度在前 latitude first）" : "（WGS-84，经度在前 longitude first）").Append("</li>");
        }
        b.Append("</ul>");
    }

    private static void Links(StringBuilder b, IEnumerable<OgcLink> links)
    {
        b.Append("<h2>链接 Links</h2><ul>");
        foreach (var link in links)
        {
            b.Append("<li><a href=\"").Append(Attribute(link.Href)).Append("\">").Append(Text(link.Title ?? link.Rel)).Append("</a> (")
                .Append(Text(link.Rel)).Append(", ").Append(Text(link.Type)).Append(")</li>");
        }
        b.Append("</ul>");
    }

    private static string Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Value)),
        JsonValueKind.Null => "",
        _ => value.GetRawText(),
    };

    private static string Text(string text) => Encoder.Encode(text);

    private static string Attribute(string text) => Encoder.Encode(text);
}
