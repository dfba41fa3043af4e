namespace StationMap.Integration.Tests.Infrastructure;

/// <summary>
/// The largest managed heap seen while it runs, sampled on a thread of its own: by default every millisecond with
/// garbage included (what the GC had to hold: up to a generation-0 budget above what is live), or, with
/// <c>liveOnly</c>, every 20 ms after a full collection (what the work keeps, exactly). Meaningful only in a test that
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

    private void Sample()
    {
        while (!_stopped)
        {
            var now = GC.GetTotalMemory(forceFullCollection: _liveOnly);
            if (now > Interlocked.Read(ref _peak))
            {
                Interlocked.Exchange(ref _peak, now);
            }
            Thread.Sleep(_liveOnly ? 20 : 1);
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
