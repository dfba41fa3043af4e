using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using StationMap.Api.Infrastructure;

namespace StationMap.Api.Checkins;

/// <summary>
/// The check-in limits on top of the public rate limits: a token bucket per device key and one per client address (or
/// key holder). Both must grant; a refusal says how long to wait.
/// </summary>
public sealed class CheckinLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _devices;
    private readonly PartitionedRateLimiter<string> _addresses;
    private readonly ClientBuckets _clients;
    private readonly bool _enabled;

    public CheckinLimits(IOptions<CheckinOptions> options, ClientBuckets clients)
    {
        var o = options.Value;
        _enabled = o.LimitsEnabled;
        _clients = clients;
        _devices = PartitionedRateLimiter.Create<string, string>(device => RateLimitPartition.GetTokenBucketLimiter(device, _ => Bucket(o.DeviceBurst, o.DevicePeriod)));
        _addresses = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetTokenBucketLimiter(address, _ => Bucket(o.AddressBurst, o.AddressPeriod)));
    }

    private static TokenBucketRateLimiterOptions Bucket(int burst, TimeSpan period) => new()
    {
        TokenLimit = burst, TokensPerPeriod = 1, ReplenishmentPeriod = period, QueueLimit = 0, AutoReplenishment = true,
    };

    /// <summary>Null when the check-in may go ahead, else the seconds to wait before the next one.</summary>
    public int? Refusal(HttpContext context, byte[] deviceKey)
    {
        if (!_enabled)
        {
            return null;
        }
        using var device = _devices.AttemptAcquire(Convert.ToHexString(deviceKey));
        if (!device.IsAcquired)
        {
            return Seconds(device);
        }
        var address = _clients.ClientOf(context) ?? "local";
        using var lease = _addresses.AttemptAcquire(address);
        return lease.IsAcquired ? null : Seconds(lease);
    }

    private static int Seconds(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 60;

    public static string RetryAfter(int seconds) => seconds.ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _devices.Dispose();
        _addresses.Dispose();
    }
}
