namespace StationMap.Api.Jobs;

/// <summary>Runs the import pipeline of StationMap.Import on a fetched feed (the same pipeline as the CLI).</summary>
public sealed class FeedImport
{
    public Task RunAsync(RefreshSourceOptions source, FetchedFeed feed, CancellationToken cancellationToken) =>
        throw new NotImplementedException("wired to the import pipeline once it lands");
}
