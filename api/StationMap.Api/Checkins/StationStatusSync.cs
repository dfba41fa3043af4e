using System.Globalization;
using System.Threading.Channels;
using Npgsql;
using StationMap.Store.Checkins;

namespace StationMap.Api.Checkins;

/// <summary>
/// Keeps <see cref="StationStatusBoard"/> current: LISTENs on <c>station_status_changed</c> (on the primary, where the
/// check-in's transaction sends it), fills the board from the store on every (re)connect, and reads the stations
/// other writers notified again (this process's own writer sets the board itself), those that arrived together in one
/// query. Lapsed statuses are swept every minute.
/// Listening and reading both stay on the primary even where reads go to a standby: PostgreSQL does not replicate
/// NOTIFY, and a standby may not have replayed the check-in its notification announces; one query per burst of
/// check-ins costs the primary little.
/// </summary>
internal sealed class StationStatusSync(
    StatusQueries queries, CheckinStore store, StationStatusBoard board, TimeProvider time, ILogger<StationStatusSync> logger)
    : BackgroundService
{
    public const string ApplicationName = "stationmap-status-listener";

    private static readonly TimeSpan Check = TimeSpan.FromSeconds(60);

    // The most stations read in one query after a burst of notifications.
    private const int MaxRead = 1000;

    // After a failover the listener finds the promoted primary within this (the nearest listener's default too).
    private static readonly TimeSpan MaxReconnectDelay = TimeSpan.FromSeconds(10);

    private readonly Channel<long> _changed = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        var reading = ReadChangesAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Station status: listening for check-ins failed; reconnecting in {Delay} ms", delay.TotalMilliseconds);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxReconnectDelay.Ticks));
            }
        }
        await reading;
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await queries.OpenPrimaryAsync(stoppingToken);
        var (host, port) = (connection.Host, connection.Port);
        connection.Notification += (_, e) =>
        {
            // Our own writer's: the board got that status at its commit, in commit order; reading it back costs the
            // primary a query and this process a round trip for every status a check-in changes. Another process's
            // statuses (and one from a writer connection since dropped) are read.
            if (store.IsWriter(host, port, e.PID))
            {
                return;
            }
            if (long.TryParse(e.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                _changed.Writer.TryWrite(id);
            }
        };
        await using (var command = new NpgsqlCommand($"SET application_name = '{ApplicationName}'; LISTEN {CheckinStore.StatusChannel}", connection))
        {
            await command.ExecuteNonQueryAsync(stoppingToken);
        }
        // Listening from here on; what changed before is in the store.
        board.ReplaceAll(await queries.ActiveAsync(time.GetUtcNow(), stoppingToken));
        while (true)
        {
            if (!await connection.WaitAsync(Check, stoppingToken))
            {
                board.Sweep(time.GetUtcNow());
            }
        }
    }

    // Off the listener's connection (which only waits), so a burst of check-ins never blocks it; whatever was notified
    // while the last read ran is read in one query, each station once, on a connection kept for it (dropped on failure).
    private async Task ReadChangesAsync(CancellationToken stoppingToken)
    {
        var ids = new HashSet<long>();
        await using var connection = new KeptConnection(cancellationToken => queries.OpenPrimaryAsync(cancellationToken).AsTask());
        try
        {
            while (await _changed.Reader.WaitToReadAsync(stoppingToken))
            {
                ids.Clear();
                while (ids.Count < MaxRead && _changed.Reader.TryRead(out var id))
                {
                    ids.Add(id);
                }
                try
                {
                    var now = time.GetUtcNow();
                    foreach (var (id, status) in await StatusQueries.OfStationsAsync(await connection.GetAsync(stoppingToken), ids, stoppingToken))
                    {
                        board.Set(id, status, now);
                    }
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException)
                {
                    // The next (re)connect fills the whole board again.
                    logger.LogWarning(e, "Station status: reading {Count} stations failed", ids.Count);
                    await connection.DropAsync();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
