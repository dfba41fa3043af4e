using Hangfire;
using Microsoft.Extensions.Options;
using StationMap.Api.Sources;
using StationMap.Domain.Hours;
using StationMap.Store.Checkins;

namespace StationMap.Api.Checkins;

/// <summary>
/// Every night (03:30 China time) folds the raw check-ins older than <see cref="CheckinOptions.RawRetentionDays"/>
/// into daily visit counts and deletes them. One run at a time across processes: Hangfire's distributed lock.
/// </summary>
public sealed class CheckinRetentionJob(CheckinRetention retention, IOptions<CheckinOptions> options, TimeProvider time, ILogger<CheckinRetentionJob> logger)
{
    public const string JobId = "checkin-retention";

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var today = ChinaStandardTime.DateOf(time.GetUtcNow());
        var cutoff = today.AddDays(-options.Value.RawRetentionDays);
        var (folded, deleted) = await retention.FoldBeforeAsync(cutoff, cancellationToken);
        logger.LogInformation("Check-in retention: {Deleted} check-ins before {Cutoff} folded into {Folded} station-days of visits", deleted, cutoff, folded);
    }
}

/// <summary>Registers <see cref="CheckinRetentionJob"/> as a recurring job at start.</summary>
internal sealed class CheckinRetentionSchedule(IRecurringJobManager recurringJobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<CheckinRetentionJob>(
            CheckinRetentionJob.JobId, job => job.RunAsync(CancellationToken.None), "30 3 * * *",
            new RecurringJobOptions { TimeZone = RefreshSchedule.ChinaTime });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
