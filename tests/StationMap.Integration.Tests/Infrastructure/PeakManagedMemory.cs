namespace StationMap.Integration.Tests.Infrastructure;

/// <summary>
/// The largest managed heap seen while it runs, sampled on a thread of its own: by default every millisecond with
/// garbage included (what the GC had to hold: up to a generation-0 budget above what is live, and that budget follows
/// the machine's cache size: 105 MB of L3 here gave twice the peak another machine did), or, with <c>liveOnly</c>,
/// every 20 ms or more after a full collection (what the work keeps, the same on any machine). Meaningful only in a test that
/// runs alone (<see cref="RunsAlone"/>).
/// </summary>
public sealed class PeakManagedMemory : IDisposable
{
    private readonly Thread _sampler;
    private readonly bool _liveOnly;
    private volatile bool _stopped;
    private long _peak;

    public PeakManagedMemory(bool liveOnly = false)
    {
        _liveOnly = liveOnly;
        // What is left from before (other tests, the test's own set-up) is not the measured work's.
        Baseline = GC.GetTotalMemory(forceFullCollection: true);
        _peak = Baseline;
        _sampler = new Thread(Sample) { IsBackground = true, Name = "peak managed memory" };
        _sampler.Start();
    }

    /// <summary>The live heap when measuring began.</summary>
    public long Baseline { get; }

    /// <summary>The peak above <see cref="Baseline"/>, in bytes.</summary>
    public long Bytes => Interlocked.Read(ref _peak) - Baseline;

    /// <summary>
    /// Ends a phase: returns its peak above <see cref="Baseline"/> and starts the next phase's peak from the heap as it
    /// is now (garbage the first phase left included), so <see cref="Bytes"/> then tells the next phase's peak alone.
    /// </summary>
    public long Split()
    {
        var phase = Bytes;
        Interlocked.Exchange(ref _peak, GC.GetTotalMemory(forceFullCollection: false));
        return phase;
    }

    private void Sample()
    {
        var clock = new System.Diagnostics.Stopwatch();
        while (!_stopped)
        {
            clock.Restart();
            var now = GC.GetTotalMemory(forceFullCollection: _liveOnly);
            if (now > Interlocked.Read(ref _peak))
            {
                Interlocked.Exchange(ref _peak, now);
            }
            // A full collection of a large heap takes a while: waiting four times as long keeps the measuring under a
            // fifth of the work's time (every 20 ms on a small heap).
            Thread.Sleep(_liveOnly ? Math.Max(20, (int)clock.ElapsedMilliseconds * 4) : 1);
        }
    }

    public void Dispose()
    {
        _stopped = true;
        _sampler.Join();
    }
}

/// <summary>Tests that measure the process (memory) run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Runs alone";
}
