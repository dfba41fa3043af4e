namespace StationMap.Api.Infrastructure;

/// <summary>
/// Gives back the memory that request bodies held once they are gone. A body is buffered as it arrives, so 400
/// connections that each stall half a megabyte into a route body hold 200 MB; when they are cut off that memory is
/// garbage, but an idle process runs no full collection and keeps it resident (measured: 132 MB before such an attack,
/// 460 MB a minute after it with only a plain full collection, 160 MB after an aggressive one). So after many body
/// bytes, once few are still in flight, one aggressive collection returns the memory to the system, and two more
/// follow half a minute apart for the blocks Kestrel's pool evicts meanwhile (it sheds 5% per 10 s when idle).
/// Growth counts from the latest full collection, whoever ran it (the nearest index runs one after each load), and not
/// in the first minute: at the start the index's own load grew the heap by hundreds of MB, which this took for garbage,
/// and its collection and follow-ups paused every request three times in the first 70 s (100-312 ms each at
/// 1,000,000 stations).
/// </summary>
public sealed class BodyMemory(TimeProvider time, ILogger<BodyMemory> logger) : BackgroundService
{
    /// <summary>Body bytes buffered since the last collection before one is worth its pause.</summary>
    public const long ReclaimAfterBytes = 64 << 20;

    /// <summary>Bytes still being read must be below this: during an attack a collection frees nothing.</summary>
    public const long QuietBelowBytes = 8 << 20;

    /// <summary>
    /// Growth of the GC's committed memory since the last collection that also calls for one (or a quarter of what was
    /// committed, whichever is more, so a large index's ordinary gen0 swings do not count): 1,600 slow connections cut
    /// off left ~37 MB of connection state uncollected with only 1.5 MB of body bytes. At most once a minute.
    /// </summary>
    public const long ReclaimAfterGrowthBytes = 32 << 20;

    private static readonly TimeSpan MinGrowthInterval = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);
    private const int FollowUps = 2;
    private const int TicksBetweenFollowUps = 6;

    private long _sinceCollection;
    private long _inFlight;
    private long _committedAfterCollection = long.MaxValue;
    private long _fullCollectionSeen = -1;
    private DateTimeOffset _lastCollection = DateTimeOffset.MinValue;

    /// <summary><paramref name="bytes"/> more of a body are being held; <see cref="Release"/> them when it is done.</summary>
    public void Hold(long bytes)
    {
        Interlocked.Add(ref _inFlight, bytes);
        Interlocked.Add(ref _sinceCollection, bytes);
    }

    public void Release(long bytes) => Interlocked.Add(ref _inFlight, -bytes);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        _committedAfterCollection = GC.GetGCMemoryInfo().TotalCommittedBytes;
        _lastCollection = time.GetUtcNow();
        var followUps = 0;
        var ticksToFollowUp = 0;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (Interlocked.Read(ref _inFlight) >= QuietBelowBytes)
            {
                continue;
            }
            SinceLatestFullCollection();
            var grown = GC.GetGCMemoryInfo().TotalCommittedBytes - _committedAfterCollection;
            var grownEnough = grown >= Math.Max(ReclaimAfterGrowthBytes, _committedAfterCollection / 4)
                && time.GetUtcNow() - _lastCollection >= MinGrowthInterval;
            if (Interlocked.Read(ref _sinceCollection) >= ReclaimAfterBytes || grownEnough)
            {
                var held = Interlocked.Exchange(ref _sinceCollection, 0);
                Collect($"{held >> 20} MB of request bodies and {grown >> 20} MB more committed since the last collection");
                (followUps, ticksToFollowUp) = (FollowUps, TicksBetweenFollowUps);
            }
            else if (followUps > 0 && --ticksToFollowUp == 0)
            {
                Collect("follow-up");
                ticksToFollowUp = --followUps > 0 ? TicksBetweenFollowUps : 0;
            }
        }
    }

    // Another full collection (the index's after a load, or the runtime's own) is as good a baseline as ours.
    private void SinceLatestFullCollection()
    {
        var latest = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        if (latest.Index > _fullCollectionSeen)
        {
            _fullCollectionSeen = latest.Index;
            if (latest.Index > 0)
            {
                _committedAfterCollection = latest.TotalCommittedBytes;
            }
        }
    }

    private void Collect(string why)
    {
        var before = Environment.WorkingSet;
        var started = time.GetTimestamp();
        // Its committed memory becomes the baseline at the next tick, as any full collection's does.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        _lastCollection = time.GetUtcNow();
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        logger.LogInformation(
            "Request bodies: {Why}; collected in {Ms:F0} ms, working set {BeforeMb} -> {AfterMb} MB (GC heap {HeapMb} MB, committed {CommittedMb} MB, pinned heap {PinnedMb} MB)",
            why, time.GetElapsedTime(started).TotalMilliseconds, before >> 20, Environment.WorkingSet >> 20,
            info.HeapSizeBytes >> 20, info.TotalCommittedBytes >> 20, info.GenerationInfo[4].SizeAfterBytes >> 20);
    }
}
