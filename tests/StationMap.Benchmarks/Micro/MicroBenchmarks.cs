using BenchmarkDotNet.Running;

namespace StationMap.Benchmarks.Micro;

/// <summary>Runs the BenchmarkDotNet classes of this folder; arguments are BenchmarkDotNet's own (<c>--filter</c>, <c>--job</c>...).</summary>
internal static class MicroBenchmarks
{
    public static int Run(string[] args)
    {
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(MicroBenchmarks).Assembly).Run(args);
        return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
    }
}
