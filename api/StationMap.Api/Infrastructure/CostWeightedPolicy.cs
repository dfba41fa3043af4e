using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace StationMap.Api.Infrastructure;

/// <summary>
/// A rate limit policy whose requests take <paramref name="cost"/> tokens from the client's shared bucket. The
/// limiter middleware asks a policy's limiter for one permit per request; the limiter it gets here turns that one
/// permit into <paramref name="cost"/> tokens of the client's bucket, so a route and a nearest spend the same budget.
/// </summary>
internal sealed class CostWeightedPolicy(ClientBuckets buckets, int cost) : IRateLimiterPolicy<string>
{
    // The middleware's OnRejected (RateLimitPolicies) answers for every policy.
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        buckets.ClientOf(httpContext) is { } client
            ? RateLimitPartition.Get(client, c => new WeightedLimiter(buckets, c, cost))
            : RateLimitPartition.GetNoLimiter("");

    /// <summary>A client's view of its bucket at one cost; holds no tokens itself, so it may be dropped when idle.</summary>
    private sealed class WeightedLimiter(ClientBuckets buckets, string client, int cost) : RateLimiter
    {
        private long _lastUsed = Stopwatch.GetTimestamp();

        public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastUsed));

        public override RateLimiterStatistics? GetStatistics() => buckets.GetStatistics(client);

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());
            return buckets.AttemptAcquire(client, permitCount * cost);
        }

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());
            return buckets.AcquireAsync(client, permitCount * cost, cancellationToken);
        }
    }
}
