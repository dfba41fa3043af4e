namespace StationMap.Integration.Tests.Planning;

/// <summary>
/// Tests that enqueue Hangfire jobs or run a Hangfire server run alone, after the parallel ones. Hangfire keeps its
/// log provider and job activator in process-wide statics that the last host to configure it sets; a host that
/// enqueues while another host is being disposed, or is disposed while another host's server works, breaks the other.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HangfireHosts
{
    public const string Name = "Hangfire hosts";
}
