using System.Globalization;
using Microsoft.Extensions.Options;
using Npgsql;
using StationMap.Domain.Nearest;
using StationMap.Store.Stations;

namespace StationMap.Api.Stations.Nearest;

/// <summary>
/// Keeps <see cref="LiveStationIndex"/> at the store's data version: LISTENs on <c>stations_changed</c> over a
/// dedicated connection to the primary, then loads; on notifications (coalesced for
/// <see cref="NearestOptions.ReloadDebounceMs"/>) rebuilds beside the current index and swaps it in. A lost connection
/// is reopened with back-off and the version compared, so a change made while disconnected is caught up. Until the
/// first load the nearest search uses the database path.
/// With a read source of its own (a standby) the stations are loaded from there: PostgreSQL does not replicate
/// <c>NOTIFY</c>, so the notification still comes from the primary, and the load waits until the standby has replayed
/// the notified version. The standby's version is also polled every <see cref="NearestOptions.ReplicaPollMs"/>, which
/// keeps the index current while there is no primary to listen on (a failover) and catches a standby that replayed a
/// change later than <see cref="NearestOptions.ReplicaWaitSeconds"/>.
/// </summary>
internal sealed class StationIndexSync(
    StationSnapshots snapshots, LiveStationIndex live, IOptions<NearestOptions> options, ILogger<StationIndexSync> logger)
    : BackgroundService
{
    // Lets tests and operators find the listening backend in pg_stat_activity.
    public const string ApplicationName = "stationmap-nearest-listener";

    private static readonly TimeSpan FirstReconnectDelay = TimeSpan.FromMilliseconds(250);

    // How often a load waiting for the standby asks it again: replay on a nearby standby takes milliseconds.
    private static readonly TimeSpan ReplayPoll = TimeSpan.FromMilliseconds(20);

    // One load at a time, whether the listener or the standby poll asks for it.
    private readonly SemaphoreSlim _loading = new(1, 1);

    private long _notifiedVersion;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Path != NearestPath.Memory)
        {
            return;
        }
        var polling = snapshots.ReadsReplica ? PollReplicaAsync(stoppingToken) : Task.CompletedTask;
        try
        {
            var delay = FirstReconnectDelay;
            var maxDelay = TimeSpan.FromSeconds(options.Value.MaxReconnectDelaySeconds);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await ListenAsync(stoppingToken, () => delay = FirstReconnectDelay);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    live.ListenerConnected = false;
                    logger.LogWarning(e, "Nearest index: listening for station changes failed; reconnecting in {Delay} ms", delay.TotalMilliseconds);
                    await Task.Delay(delay, stoppingToken);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, maxDelay.Ticks));
                }
            }
        }
        finally
        {
            await polling;
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken, Action connected)
    {
        var settings = options.Value;
        await using var connection = await snapshots.OpenListenerAsync(stoppingToken);
        connection.Notification += OnNotification;
        await using (var command = new NpgsqlCommand(
            $"SET application_name = '{ApplicationName}'; LISTEN {StationSnapshots.ChangeChannel}", connection))
        {
            await command.ExecuteNonQueryAsync(stoppingToken);
        }
        // Listening from here on, so nothing committed from now can be missed; catch up with what came before.
        await CatchUpAsync(await StationSnapshots.VersionAsync(connection, stoppingToken), stoppingToken);
        live.ListenerConnected = true;
        connected();

        var check = TimeSpan.FromSeconds(settings.VersionCheckSeconds);
        var debounce = TimeSpan.FromMilliseconds(settings.ReloadDebounceMs);
        while (true)
        {
            if (!await connection.WaitAsync(check, stoppingToken))
            {
                // Quiet for a while: prove the connection alive and make sure no notification was lost.
                await CatchUpAsync(await StationSnapshots.VersionAsync(connection, stoppingToken), stoppingToken);
                continue;
            }
            // Coalesce a burst (an import is several statements, a refresh several sources), but not forever.
            var deadline = DateTime.UtcNow + 10 * debounce;
            while (debounce > TimeSpan.Zero && DateTime.UtcNow < deadline && await connection.WaitAsync(debounce, stoppingToken))
            {
            }
            // Versions only, never the loaded index itself, in this method's locals: a local that lives across the
            // reload would keep the replaced index alive through the collection that should free it.
            var notified = Interlocked.Read(ref _notifiedVersion);
            if (LoadedVersion() is not { } loaded || notified > loaded)
            {
                await CatchUpAsync(notified, stoppingToken);
            }
        }
    }

    // Brings the index to the primary's version. Any difference counts, not only a newer version: a store restored
    // from a backup goes back in time. A newer version is loaded once the read source has it.
    private async Task CatchUpAsync(long primaryVersion, CancellationToken stoppingToken)
    {
        if (LoadedVersion() is { } loaded && loaded == primaryVersion)
        {
            return;
        }
        if (snapshots.ReadsReplica && primaryVersion != long.MaxValue && LoadedVersion() is { } older && primaryVersion > older)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(options.Value.ReplicaWaitSeconds);
            while (await snapshots.ReadVersionAsync(stoppingToken) < primaryVersion)
            {
                if (DateTime.UtcNow >= deadline)
                {
                    // The standby lags: the replica poll loads the change once it is replayed.
                    logger.LogWarning("Nearest index: the read source has not replayed version {Version} after {Seconds} s",
                        primaryVersion, options.Value.ReplicaWaitSeconds);
                    return;
                }
                await Task.Delay(ReplayPoll, stoppingToken);
            }
            await ReloadAsync(atLeast: primaryVersion, stoppingToken);
            return;
        }
        await ReloadAsync(atLeast: null, stoppingToken);
    }

    // The standby's version, every ReplicaPollMs: forward only, since two standbys behind one read source may be a few
    // milliseconds apart and the index must not flap between them (going back is the listener's call, on the primary).
    private async Task PollReplicaAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(options.Value.ReplicaPollMs);
        var failing = false;
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var version = await snapshots.ReadVersionAsync(stoppingToken);
                    live.HeardFromReplica(3 * interval);
                    failing = false;
                    if (LoadedVersion() is not { } loaded || version > loaded)
                    {
                        await ReloadAsync(atLeast: version, stoppingToken);
                    }
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // Once per outage in the log, not once a second.
                    if (!failing)
                    {
                        logger.LogWarning(e, "Nearest index: reading the data version from the read source failed");
                    }
                    failing = true;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        // A payload that does not parse still means "something changed": force a reload with an unknown version.
        var version = long.TryParse(e.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : long.MaxValue;
        if (version > Interlocked.Read(ref _notifiedVersion))
        {
            Interlocked.Exchange(ref _notifiedVersion, version);
        }
    }

    // Below this size an index's memory does not matter enough to pause the process for it.
    private const int ReclaimAfterStations = 100_000;

    private long? LoadedVersion() => live.Current?.Index.Version;

    // Not inlined, so no reference to the replaced index is left in the (async) caller's frame when it collects:
    // the JIT keeps such temporaries alive to the end of a method with exception handling, as async methods are.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private bool Replace(StationIndex index)
    {
        var previous = live.Current?.Index.Count ?? 0;
        live.Replace(index);
        return Math.Max(previous, index.Count) >= ReclaimAfterStations;
    }

    // atLeast: skip the load when another one (the listener's or the poll's) already brought the index that far.
    private async Task ReloadAsync(long? atLeast, CancellationToken stoppingToken)
    {
        await _loading.WaitAsync(stoppingToken);
        try
        {
            if (atLeast is { } wanted && LoadedVersion() >= wanted)
            {
                return;
            }
            await LoadAsync(stoppingToken);
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task LoadAsync(CancellationToken stoppingToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var index = await snapshots.LoadIndexAsync(stoppingToken);
        if (Replace(index))
        {
            // The replaced index (and the load's own garbage) would otherwise stay resident until the GC gets round
            // to a full collection: at 1,000,000 stations the process stayed at ~780 MB after a reload instead of
            // ~400 MB. One blocking collection per load (loads follow imports, which are rare) gives it back.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        if (Interlocked.Read(ref _notifiedVersion) == long.MaxValue)
        {
            Interlocked.Exchange(ref _notifiedVersion, index.Version);
        }
        logger.LogInformation(
            "Nearest index: loaded version {Version}, {Count} stations in {Ms:F0} ms",
            index.Version, index.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
