using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace StationMap.Api.Infrastructure;

/// <summary>
/// One token bucket per client, shared by every rate limit policy: an authenticated key's holder (by name), else the
/// client address (IPv6 by its /64, which one subscriber usually holds whole). Buckets of clients that have gone
/// quiet are dropped by the limiter once full again.
/// </summary>
public sealed class ClientBuckets : IDisposable
{
    private readonly PartitionedRateLimiter<string> _buckets;
    private readonly bool _enabled;
    private readonly bool _exemptLoopback;

    public ClientBuckets(IOptions<RateLimitOptions> options)
    {
        var limits = options.Value;
        _enabled = limits.Enabled;
        _exemptLoopback = limits.ExemptLoopback;
        var addressBucket = Bucket(limits.TokensPerPeriod, limits.BucketSize, limits);
        var keyBucket = Bucket(limits.KeyTokensPerPeriod, limits.KeyBucketSize, limits);
        _buckets = PartitionedRateLimiter.Create<string, string>(client =>
            RateLimitPartition.GetTokenBucketLimiter(client, c => c.StartsWith(KeyPrefix, StringComparison.Ordinal) ? keyBucket : addressBucket));
    }

    private const string KeyPrefix = "key:";

    /// <summary>Whose bucket <paramref name="context"/> draws on, or null when it is not limited.</summary>
    public string? ClientOf(HttpContext context)
    {
        if (!_enabled)
        {
            return null;
        }
        if (context.User.Identity is { IsAuthenticated: true, Name: { } name })
        {
            return KeyPrefix + name;
        }
        var address = context.Connection.RemoteIpAddress;
        if (address is null || IPAddress.IsLoopback(address))
        {
            return _exemptLoopback ? null : "ip:loopback";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            Span<byte> bytes = stackalloc byte[16];
            address.TryWriteBytes(bytes, out _);
            bytes[8..].Clear();
            address = new IPAddress(bytes);
        }
        return "ip:" + address;
    }

    public RateLimitLease AttemptAcquire(string client, int tokens) => _buckets.AttemptAcquire(client, tokens);

    public ValueTask<RateLimitLease> AcquireAsync(string client, int tokens, CancellationToken cancellationToken) =>
        _buckets.AcquireAsync(client, tokens, cancellationToken);

    public RateLimiterStatistics? GetStatistics(string client) => _buckets.GetStatistics(client);

    public void Dispose() => _buckets.Dispose();

    private static TokenBucketRateLimiterOptions Bucket(int tokensPerPeriod, int size, RateLimitOptions limits) => new()
    {
        TokenLimit = size,
        TokensPerPeriod = tokensPerPeriod,
        ReplenishmentPeriod = limits.Period,
        QueueLimit = limits.QueueLimit,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    };
}
