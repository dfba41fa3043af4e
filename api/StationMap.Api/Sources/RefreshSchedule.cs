using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Options;

namespace StationMap.Api.Sources;

/// <summary>
/// Makes the recurring jobs match configuration at start: one <c>refresh:&lt;name&gt;</c> per source with its cron,
/// and none for sources that were removed.
/// </summary>
internal sealed class RefreshSchedule(
    IRecurringJobManager recurringJobs,
    JobStorage storage,
    IOptions<RefreshOptions> options,
    ILogger<RefreshSchedule> logger) : IHostedService
{
    public const string JobPrefix = "refresh:";

    public static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "China Standard Time", "CST");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value.Sources.ToDictionary(s => JobPrefix + s.Name);
        foreach (var (id, source) in configured)
        {
            recurringJobs.AddOrUpdate<SourceRefreshJob>(
                id, job => job.RunAsync(source.Name, CancellationToken.None), source.Cron,
                new RecurringJobOptions { TimeZone = ChinaTime });
        }
        using var connection = storage.GetConnection();
        foreach (var job in connection.GetRecurringJobs())
        {
            if (job.Id.StartsWith(JobPrefix, StringComparison.Ordinal) && !configured.ContainsKey(job.Id))
            {
                recurringJobs.RemoveIfExists(job.Id);
                logger.LogInformation("Removed recurring job {JobId}: its source is no longer configured", job.Id);
            }
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
