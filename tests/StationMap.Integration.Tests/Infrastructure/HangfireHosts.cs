namespace StationMap.Integration.Tests.Infrastructure;

/// <summary>
/// Tests that enqueue Hangfire jobs or run a Hangfire server run alone, after the parallel ones. Hangfire keeps its
/// log provider and job activator in process-wide statics that the last host to configure it sets; a host that
/// enqueues while another host is being disposed, or is disposed while another host's server works, breaks the other
/// (seen as a worker that fetched a job and did not move it to Processing for over a minute, and as
/// ObjectDisposedException 'LoggerFactory' in unrelated tests).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HangfireHosts
{
    public const string Name = "Hangfire hosts";
}
