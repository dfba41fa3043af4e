using Hangfire;
using Hangfire.Common;

namespace StationMap.Api.Sources;

/// <summary>
/// Hangfire's filters for this host, with our retry policy instead of Hangfire's default one (10 attempts).
/// Per host rather than in <see cref="GlobalJobFilters"/>: a process-wide filter would let the last host configured
/// (several run in one test process) decide how every other host retries.
/// </summary>
internal sealed class RefreshJobFilters(RefreshOptions options) : IJobFilterProvider
{
    private readonly JobFilter _retry = new(
        new AutomaticRetryAttribute
        {
            Attempts = options.Attempts,
            DelaysInSeconds = options.EffectiveRetryDelaysSeconds,
            OnAttemptsExceeded = AttemptsExceededAction.Fail,
        },
        JobFilterScope.Global,
        order: null);

    public IEnumerable<JobFilter> GetFilters(Job job) =>
        JobFilterProviders.Providers.GetFilters(job)
            .Where(f => f.Instance is not AutomaticRetryAttribute)
            .Append(_retry);
}
