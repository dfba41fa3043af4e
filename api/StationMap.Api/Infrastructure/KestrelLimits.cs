using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace StationMap.Api.Infrastructure;

/// <summary>Applies <see cref="RequestLimitsOptions"/> to Kestrel, so slow or oversized senders are cut off at the socket.</summary>
internal sealed class KestrelLimits(IOptions<RequestLimitsOptions> options) : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions kestrel)
    {
        var o = options.Value;
        var limits = kestrel.Limits;
        limits.MaxRequestBodySize = o.MaxRequestBodyBytes;
        limits.MinRequestBodyDataRate = o.MinBodyBytesPerSecond == 0
            ? null
            : new MinDataRate(o.MinBodyBytesPerSecond, o.MinBodyRateGracePeriod);
        limits.MaxRequestBufferSize = o.MaxRequestBufferBytes;
        limits.MaxRequestHeadersTotalSize = o.MaxRequestHeadersTotalBytes;
        limits.MaxRequestHeaderCount = o.MaxRequestHeaderCount;
        limits.MaxRequestLineSize = o.MaxRequestLineBytes;
        limits.RequestHeadersTimeout = o.RequestHeadersTimeout;
        limits.KeepAliveTimeout = o.KeepAliveTimeout;
    }
}
