using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace StationMap.Api.Tiles;

/// <summary>
/// The validator and lifetime of a tile or TileJSON answer. A tile is a function of its z/x/y, its filters and the
/// data version the index holds, so the weak ETag names the version and, when there are filters, a hash of their
/// canonical spelling: <c>W/"t1-v{version}"</c>, <c>W/"t1-v{version}-f{hash}"</c> ("t1" is the tile format's own
/// version, bumped when the bytes for the same data change). The filters are in it although an ETag belongs to one
/// URL, because a client may carry a tile's tag over to the same tile under other filters (MapLibre reloading a
/// source): it then gets the new tile, never a wrong 304. "Open now" adds time: the tile is then a function of the
/// minute too (opening hours change state on whole minutes), its ETag names the minute (<c>-m{unix minute}</c>) and it
/// may be kept only until that minute ends. The ETag is weak because the response compression gives the same tile
/// different bytes per encoding. <see cref="Minute"/> is the Unix minute "open now" is evaluated at (0 without it).
/// </summary>
public readonly record struct TileCaching(string ETag, int MaxAgeSeconds, long Minute)
{
    /// <summary>The tile format's version, part of every ETag.</summary>
    public const string FormatVersion = "t1";

    /// <param name="dataVersion">The data version the index holds.</param>
    /// <param name="filters">The filters in their canonical spelling (<see cref="TileParameters.CanonicalQuery"/>), "" for none.</param>
    /// <param name="openNow">Whether the answer depends on the minute.</param>
    /// <param name="now">The request's instant.</param>
    /// <param name="maxAgeSeconds">The configured lifetime.</param>
    public static TileCaching For(long dataVersion, string filters, bool openNow, DateTimeOffset now, int maxAgeSeconds)
    {
        var tag = filters.Length == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{FormatVersion}-v{dataVersion}")
            : string.Create(CultureInfo.InvariantCulture, $"{FormatVersion}-v{dataVersion}-f{FilterHash(filters):x8}");
        if (!openNow)
        {
            return new($"W/\"{tag}\"", maxAgeSeconds, 0);
        }
        var seconds = now.ToUnixTimeSeconds();
        var minute = Math.DivRem(seconds, 60, out var intoMinute);
        if (intoMinute < 0)
        {
            minute--;
            intoMinute += 60;
        }
        return new(
            string.Create(CultureInfo.InvariantCulture, $"W/\"{tag}-m{minute}\""),
            (int)Math.Min(maxAgeSeconds, 60 - intoMinute),
            minute);
    }

    // 32-bit FNV-1a of the canonical filters: stable across processes and restarts, unlike string.GetHashCode.
    private static uint FilterHash(string filters)
    {
        var hash = 2166136261u;
        foreach (var c in filters)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return hash;
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
