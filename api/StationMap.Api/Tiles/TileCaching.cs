using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace StationMap.Api.Tiles;

/// <summary>
/// The validator and lifetime of a tile or TileJSON answer. A tile is a function of its URL (z, x, y and the filters)
/// and the data version the index holds, so the weak ETag <c>W/"t1-v{version}"</c> names it ("t1" is the tile
/// format's own version, bumped when the bytes for the same data change). "Open now" adds time: the tile is then a
/// function of the minute too (opening hours change state on whole minutes), its ETag names the minute
/// (<c>W/"t1-v{version}-m{unix minute}"</c>) and it may be kept only until that minute ends. The ETag is weak because
/// the response compression gives the same tile different bytes per encoding. <see cref="Minute"/> is the Unix minute
/// "open now" is evaluated at (0 without it).
/// </summary>
public readonly record struct TileCaching(string ETag, int MaxAgeSeconds, long Minute)
{
    /// <summary>The tile format's version, part of every ETag.</summary>
    public const string FormatVersion = "t1";

    public static TileCaching For(long dataVersion, bool openNow, DateTimeOffset now, int maxAgeSeconds)
    {
        if (!openNow)
        {
            return new(string.Create(CultureInfo.InvariantCulture, $"W/\"{FormatVersion}-v{dataVersion}\""), maxAgeSeconds, 0);
        }
        var seconds = now.ToUnixTimeSeconds();
        var minute = Math.DivRem(seconds, 60, out var intoMinute);
        if (intoMinute < 0)
        {
            minute--;
            intoMinute += 60;
        }
        return new(
            string.Create(CultureInfo.InvariantCulture, $"W/\"{FormatVersion}-v{dataVersion}-m{minute}\""),
            (int)Math.Min(maxAgeSeconds, 60 - intoMinute),
            minute);
    }

    /// <summary>Sets <c>ETag</c> and <c>Cache-Control</c>.</summary>
    public void Apply(HttpResponse response)
    {
        response.Headers.ETag = ETag;
        response.Headers.CacheControl = string.Create(CultureInfo.InvariantCulture, $"public, max-age={MaxAgeSeconds}");
    }

    /// <summary>Whether the request's <c>If-None-Match</c> names this answer (or <c>*</c>): then a 304 answers it.</summary>
    public bool IsMatchedBy(HttpRequest request)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0)
        {
            return false;
        }
        if (!EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }
        var ours = EntityTagHeaderValue.Parse(ETag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(ours, useStrongComparison: false));
    }
}
