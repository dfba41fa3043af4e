using System.Diagnostics;
using System.Threading.Channels;
using StationMap.Domain.Checkins;

namespace StationMap.Store.Checkins;

/// <summary>
/// Writes check-ins and keeps <c>station_status</c> derived from them. Check-ins arriving together are written
/// together (group commit): one writer takes whatever is waiting, up to <see cref="MaxBatch"/>, and stores it in one
/// transaction (<see cref="CheckinBatch"/>), while the next ones queue. At a few per second a batch is one check-in and
/// costs what it did alone; at thousands per second the statements, round trips and commits per check-in fall to a
/// fraction, which is what keeps the readers' share of the cores (README, "Check-ins", bench).
/// The writer keeps its connection between batches (<see cref="KeptConnection"/>); a batch that fails drops it.
/// At the national peak (~550 a second) check-ins come too far apart for that: a batch held one or two, and PostgreSQL
/// spent most of its CPU per batch, not per row. So a small batch that follows closely on the previous one waits a
/// gather window for more (README, "Check-ins").
/// </summary>
public sealed class CheckinStore : IAsyncDisposable
{
    public const string StatusChannel = "station_status_changed";

    /// <summary>A device without a position counts once it has this many counted check-ins on two days or more.</summary>
    public const int HistoryCheckins = 3;

    /// <summary>The most check-ins in one transaction: bounds its locks and the wait of the first one in it.</summary>
    public const int MaxBatch = 256;

    /// <summary>A batch of fewer check-ins than this may wait for more; a larger one already shares its costs well.</summary>
    public const int SmallBatch = 8;

    private readonly Channel<PendingCheckin> _queue = Channel.CreateUnbounded<PendingCheckin>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private readonly KeptConnection _connection;

    private readonly Action<long, StationStatus> _committed;
    private readonly TimeSpan _gatherWindow;

    // The server and backend process of the writer's connection while it is open (null otherwise); a process id alone
    // could be another server's after a failover, or a later connection's once this one is dropped.
    private volatile Backend? _writerBackend;

    /// <param name="committed">Hears each status a batch changed, once committed and before its check-ins are answered,
    /// in commit order: this process's own view is current before anyone is told, and never goes back to an older
    /// status, as answers (which run in any order) could make it.</param>
    /// <param name="gatherWindow">How long a small batch that follows closely on the previous one waits for more
    /// check-ins (<see cref="GatherFirst"/>); zero writes every batch at once.</param>
    public CheckinStore(StationDataSources dataSources, TimeSpan gatherWindow, Action<long, StationStatus> committed)
    {
        _committed = committed;
        _gatherWindow = gatherWindow;
        _connection = new KeptConnection(async cancellationToken =>
        {
            var connection = await CheckinBatch.OpenConnectionAsync(dataSources.Write, cancellationToken);
            _writerBackend = new Backend(connection.Host, connection.Port, connection.ProcessID);
            return connection;
        });
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>
    /// Whether this backend process of that server is the writer's open connection: its NOTIFYs announce statuses this
    /// process has already set through <c>committed</c>, which a listener here need not read back.
    /// </summary>
    public bool IsWriter(string? host, int port, int processId) =>
        _writerBackend is { } writer && writer.ProcessId == processId && writer.Port == port && writer.Host == host;

    /// <summary>Stores the check-in with the others that arrive with it; answers once its transaction has committed.</summary>
    public Task<CheckinResult> AddAsync(NewCheckin checkin, StatusRules rules, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingCheckin(checkin, rules);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(CheckinStore));
        }
        // The caller may stop waiting; the check-in is still written, like one whose answer was lost on the way.
        return pending.Result.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteAsync()
    {
        var batch = new List<PendingCheckin>(MaxBatch);
        long? lastEnd = null;
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            TakeWaiting(batch);
            if (GatherFirst(batch.Count, lastEnd))
            {
                // Wall-clock time, not the API's TimeProvider: this is about when requests arrive, which a test's pinned
                // clock does not move.
                await Task.Delay(_gatherWindow);
                TakeWaiting(batch);
            }
            try
            {
                await CheckinBatch.WriteAsync(await _connection.GetAsync(CancellationToken.None), batch, _committed, CancellationToken.None);
            }
            catch (Exception error)
            {
                _writerBackend = null;
                await _connection.DropAsync();
                // The whole transaction is gone: every check-in in it failed alike (the database down is a 503 for each).
                foreach (var pending in batch)
                {
                    pending.Result.TrySetException(error);
                }
            }
            lastEnd = Stopwatch.GetTimestamp();
        }
    }

    private void TakeWaiting(List<PendingCheckin> batch)
    {
        while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
        {
            batch.Add(next);
        }
    }

    /// <summary>
    /// Whether a batch of <paramref name="count"/> waits the gather window before it is written: when it is small and
    /// its first check-in came within the window of the previous batch's end, that is while check-ins arrive faster than
    /// one a window. Slower than that (the national average is ~27 a second, one each 37 ms) a check-in is written at
    /// once, as before; at the peak a batch holds about three instead of one or two, and each check-in waits at most the
    /// window more. Flat out, batches are larger than <see cref="SmallBatch"/> and never wait.
    /// </summary>
    private bool GatherFirst(int count, long? lastEnd) =>
        _gatherWindow > TimeSpan.Zero && count < SmallBatch && lastEnd is { } end && Stopwatch.GetElapsedTime(end) < _gatherWindow;

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
        await _connection.DisposeAsync();
    }
}

/// <summary>A PostgreSQL backend process: the server it runs on and its process id there.</summary>
internal sealed record Backend(string? Host, int Port, int ProcessId);

/// <summary>A check-in waiting for its batch, and the answer its request waits for.</summary>
internal sealed class PendingCheckin(NewCheckin checkin, StatusRules rules)
{
    public NewCheckin Checkin { get; } = checkin;
    public StatusRules Rules { get; } = rules;
    public TaskCompletionSource<CheckinResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
