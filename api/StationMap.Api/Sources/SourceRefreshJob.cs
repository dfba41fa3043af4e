using Microsoft.Extensions.Options;
using Npgsql;
using StationMap.Store;
using StationMap.Store.Imports;
using StationMap.Store.Sources;

namespace StationMap.Api.Sources;

/// <summary>
/// The recurring job <c>refresh:&lt;name&gt;</c>: fetch the source, skip it when unchanged, otherwise run the import
/// pipeline. Runs of one source never overlap, across processes too (a PostgreSQL advisory lock); a failure changes
/// no station, is recorded, and is thrown so Hangfire retries it.
/// </summary>
public sealed class SourceRefreshJob(
    IOptions<RefreshOptions> options,
    StationDataSources dataSources,
    SourceStates states,
    SourceFeed feed,
    FeedImport import,
    TimeProvider time,
    ILogger<SourceRefreshJob> logger)
{
    public async Task RunAsync(string sourceName, CancellationToken cancellationToken)
    {
        var source = options.Value.Sources.FirstOrDefault(s => s.Name == sourceName)
            ?? throw new InvalidOperationException($"Source '{sourceName}' is not configured");
        var started = time.GetUtcNow();

        // The lock lives as long as this connection's session, so a crashed process cannot leave it held.
        await using var lockConnection = await dataSources.Write.OpenConnectionAsync(cancellationToken);
        await using (var acquire = new NpgsqlCommand("SELECT pg_advisory_lock(hashtextextended(@key, 0))", lockConnection))
        {
            acquire.Parameters.AddWithValue("key", RefreshSchedule.JobPrefix + source.Name);
            // A large import can outlast the default 30 s command timeout; the next run waits for it, however long.
            acquire.CommandTimeout = 0;
            await acquire.ExecuteNonQueryAsync(cancellationToken);
        }
        // The lock dies with its session: when the server stops (a failover), a run in another process may take the
        // lock on the promoted primary at once. This run then stops where it is instead of importing beside that one.
        using var lockLost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var watching = new CancellationTokenSource();
        var watch = WatchLockAsync(lockConnection, lockLost, watching.Token);
        try
        {
            await RefreshAsync(source, started, lockLost.Token);
        }
        catch (OperationCanceledException) when (lockLost.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new SourceLockLostException(source.Name);
        }
        finally
        {
            await watching.CancelAsync();
            await watch;
            if (lockConnection.FullState == System.Data.ConnectionState.Open)
            {
                await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtextextended(@key, 0))", lockConnection);
                release.Parameters.AddWithValue("key", RefreshSchedule.JobPrefix + source.Name);
                await release.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
    }

    private async Task RefreshAsync(RefreshSourceOptions source, DateTimeOffset started, CancellationToken cancellationToken)
    {
        try
        {
            var state = await states.FindAsync(source.Name, cancellationToken);
            using var fetched = await feed.FetchAsync(source, state, cancellationToken);
            if (fetched is null)
            {
                logger.LogInformation("Source {Source} not modified since the last fetch; nothing to import", source.Name);
                return;
            }
            if (fetched.Checksum == state?.LastChecksum)
            {
                logger.LogInformation("Source {Source} has the same checksum as its last successful import; skipped", source.Name);
                return;
            }
            await import.RunAsync(source, fetched, cancellationToken);
            await states.RecordSuccessAsync(source.Name, fetched.ETag, fetched.LastModified, fetched.Checksum, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Refresh of source {Source} failed", source.Name);
            await states.RecordFailureAsync(source.Name, e.Message, CancellationToken.None);
            if (e is not FeedImportException)
            {
                // The import pipeline records its own failures; a feed that could not even be fetched is recorded here.
                await RecordFetchFailureAsync(source, started, e, CancellationToken.None);
            }
            throw;
        }
    }

    // Waits on the idle lock connection, which ends at once with an error when the server closes it; polling with a
    // timeout rather than cancelling the wait leaves the connection usable for the unlock.
    private async Task WatchLockAsync(NpgsqlConnection connection, CancellationTokenSource lockLost, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await connection.WaitAsync(LockWatchInterval);
            }
        }
        catch (Exception e) when (e is NpgsqlException or IOException or ObjectDisposedException)
        {
            logger.LogWarning("Refresh: the connection holding the source lock was lost ({Reason}); stopping the run", e.GetType().Name);
            await lockLost.CancelAsync();
        }
    }

    private static readonly TimeSpan LockWatchInterval = TimeSpan.FromMilliseconds(200);

    private async Task RecordFetchFailureAsync(RefreshSourceOptions source, DateTimeOffset started, Exception error, CancellationToken cancellationToken)
    {
        var run = new ImportRun
        {
            Source = source.Name,
            FileName = source.IsHttp ? source.Location : Path.GetFileName(source.Location),
            Format = source.Format,
            Crs = source.Crs,
            Mode = source.Mode,
            Status = "failed",
            StartedAt = started,
            FinishedAt = time.GetUtcNow(),
            Error = $"fetching the feed failed, nothing was changed: {error.Message}",
        };
        await using var connection = await dataSources.Write.OpenConnectionAsync(cancellationToken);
        await ImportRunQueries.InsertAsync(connection, null, run, "{}", cancellationToken);
    }
}

/// <summary>A refresh that stopped because the connection holding its source's lock was lost (an import it had begun is rolled back).</summary>
public sealed class SourceLockLostException(string source)
    : Exception($"refresh of source '{source}' stopped: the database connection holding its lock was lost (a failover?); it is retried like any failed refresh");
