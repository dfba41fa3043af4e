namespace StationMap.Integration.Tests.Jobs;

/// <summary>
/// Tests that run real Hangfire servers run alone, after the parallel tests. Under the full parallel suite on two
/// cores a worker was seen to fetch a retried job and not move it to Processing for more than a minute (no lock
/// held, server heartbeating); alone the same tests pass every time. The cause is still open (see the issue note).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HangfireServerCollection
{
    public const string Name = "Hangfire servers";
}
