namespace StationMap.Integration.Tests.Infrastructure;

/// <summary>
/// A clock whose wall time the test sets, while timers and elapsed time stay real: "open now" answers become
/// deterministic, yet timeouts and retry delays inside the API (HTTP resilience, Hangfire) still fire. A fake clock
/// with frozen timers would make a resilience retry wait forever.
/// </summary>
public sealed class PinnedClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public void SetUtcNow(DateTimeOffset value) => _now = value;

    public override DateTimeOffset GetUtcNow() => _now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
