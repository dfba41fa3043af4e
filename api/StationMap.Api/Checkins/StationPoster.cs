using System.Text.Encodings.Web;
using System.Text.Unicode;
using StationMap.Domain;

namespace StationMap.Api.Checkins;

/// <summary>
/// The A5 poster for a station's door, as a page to print: its kind and name, the check-in prompt, the QR code (the
/// same SVG as <c>qr.svg</c>, inline so that nothing else must load before printing) and the address. A retired
/// station's poster says it is closed instead and holds no code. Styles come from <c>poster.css</c> beside it: the
/// site's Content-Security-Policy allows no inline styles, and system fonts only (none are fetched).
/// </summary>
public static class StationPoster
{
    public const string StylesheetName = "poster.css";

    // Markup characters escaped, Chinese written as it is (the default encoder would spell every character as &#x..;).
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <param name="checkinUrl">What the code holds; printed under it for anyone who cannot scan.</param>
    public static string Html(Station station, string checkinUrl)
    {
        var record = station.Record;
        var h = Encoder;
        var kind = StationKindWords.Chinese(record.Kind);
        var address = string.IsNullOrWhiteSpace(record.Address) ? "" : $"""<p class="address">{h.Encode(record.Address)}</p>""";
        var body = station.IsRetired
            ? $"""
                <p class="prompt closed">本站已停止服务</p>
                <p class="hint">请在地图上查找附近的其他站点。</p>
              """
            : $"""
                <p class="prompt">扫码签到 · 我在这里休息</p>
                <div class="qr" role="img" aria-label="签到二维码">{StationQrCode.Svg(checkinUrl)}</div>
                <p class="hint">用手机相机扫一扫，在地图上打开本站，轻点“我在这里休息”。</p>
              """;
        var link = station.IsRetired ? "" : $"""<p class="url">{h.Encode(checkinUrl)}</p>""";
        // Relative to /stations/{id}/poster, so a site under a path base finds its stylesheet too.
        return $"""
            <!doctype html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{h.Encode(record.Name)} · 签到二维码</title>
            <link rel="stylesheet" href="../{StylesheetName}">
            </head>
            <body data-ready="true">
            <main class="sheet{(station.IsRetired ? " retired" : "")}">
              <p class="kind">{h.Encode(kind)}</p>
              <h1>{h.Encode(record.Name)}</h1>
            {body}
              {address}
              {link}
            </main>
            </body>
            </html>
            """;
    }
}
