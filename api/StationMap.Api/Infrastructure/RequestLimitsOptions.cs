using System.ComponentModel.DataAnnotations;

namespace StationMap.Api.Infrastructure;

/// <summary>
/// What one request may carry and how slowly it may arrive (section <c>RequestLimits</c>). The defaults leave every
/// legal request of the map and the API room and cut off what only an attacker sends.
/// </summary>
public sealed class RequestLimitsOptions
{
    public const string Section = "RequestLimits";

    /// <summary>The raw query string (after <c>?</c>); the longest legal one (every kind and amenity) is under 400 bytes.</summary>
    [Range(256, 8192)]
    public int MaxQueryLength { get; set; } = 4096;

    /// <summary>Query parameters; no endpoint takes more than ten.</summary>
    [Range(8, 200)]
    public int MaxQueryParameters { get; set; } = 50;

    /// <summary>
    /// A route body: 10,000 positions written compactly at full double precision (~42 bytes each, 420 KB) plus a
    /// Feature's properties. Coordinates at the 7 decimals a map gives are about half that.
    /// </summary>
    [Range(1024, 16 << 20)]
    public int MaxRouteBodyBytes { get; set; } = 512 << 10;

    /// <summary>A planning run body is six short fields.</summary>
    [Range(256, 1 << 20)]
    public int MaxPlanningRunBodyBytes { get; set; } = 4096;

    /// <summary>JSON nesting; a GeoJSON Feature with a LineString needs 4 levels.</summary>
    [Range(4, 64)]
    public int MaxJsonDepth { get; set; } = 16;

    /// <summary>
    /// A whole body must arrive within this time. Kestrel's minimum data rate is an average since the body began,
    /// so a client that sends most of a body fast and then stalls would otherwise hold its buffers for a long time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan BodyReadTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Kestrel's minimum request body rate (its default is 240 B/s); a 2G phone still sends several KB/s.</summary>
    [Range(0, 1 << 20)]
    public int MinBodyBytesPerSecond { get; set; } = 1024;

    /// <summary>How long a body may start slowly before the minimum rate applies.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan MinBodyRateGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Every body anywhere (Kestrel's default is 30 MB); endpoints set their own, smaller limits.</summary>
    [Range(1024, 64 << 20)]
    public long MaxRequestBodyBytes { get; set; } = 1 << 20;

    /// <summary>All request headers together (Kestrel's default 32 KB); the API uses no cookies but the dashboard's.</summary>
    [Range(4096, 1 << 20)]
    public int MaxRequestHeadersTotalBytes { get; set; } = 16 << 10;

    /// <summary>
    /// What Kestrel reads ahead of the app per connection (its default 1 MB). Read-ahead sits in Kestrel's block pool,
    /// which keeps its blocks after a burst: 400 connections sending at once grew it by 200 MB with the default.
    /// Must be at least the header and request-line limits.
    /// </summary>
    [Range(16 << 10, 16 << 20)]
    public long MaxRequestBufferBytes { get; set; } = 32 << 10;

    [Range(8, 1000)]
    public int MaxRequestHeaderCount { get; set; } = 50;

    /// <summary>The request line; above <see cref="MaxQueryLength"/>, so that a long query gets our 414 problem, not Kestrel's bare one.</summary>
    [Range(1024, 64 << 10)]
    public int MaxRequestLineBytes { get; set; } = 8192;

    /// <summary>Time to send all headers (Kestrel's default 30 s lets a slow-header client hold a connection long).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>An idle keep-alive connection is closed after this (Kestrel's default 130 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
