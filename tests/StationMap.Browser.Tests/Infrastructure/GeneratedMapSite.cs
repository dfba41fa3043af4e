using StationMap.DemoData;
using StationMap.Store;

namespace StationMap.Browser.Tests.Infrastructure;

/// <summary>The map site with 200,000 generated stations over Beijing beside the demo data: the size the page's budget is set at.</summary>
public sealed class GeneratedMapSite : MapSite
{
    public const int GeneratedCount = 200_000;

    protected override async Task SeedAsync(string connectionString)
    {
        await using var dataSources = new StationDataSources(connectionString);
        await DemoLoader.LoadGeneratedAsync(
            dataSources.Write, "generated-map", GeneratedCount, seed: 20261124, GeneratorRegion.Beijing, CancellationToken.None);
        await using var analyze = dataSources.Write.CreateCommand("ANALYZE station");
        await analyze.ExecuteNonQueryAsync();
    }
}
