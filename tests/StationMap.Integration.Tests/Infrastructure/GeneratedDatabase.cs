using StationMap.Import.Demo;
using StationMap.Store;

namespace StationMap.Integration.Tests.Infrastructure;

/// <summary>A class fixture: the demo data plus 100,000 generated stations over Beijing-Tianjin-Hebei, dropped afterwards.</summary>
public sealed class GeneratedDatabase : IAsyncLifetime
{
    public const int GeneratedCount = 100_000;
    public const int Seed = 20261124;

    public string Name { get; private set; } = "";

    public string ConnectionString => TestDatabases.ConnectionStringFor(Name);

    public StationDataSources DataSources { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Name = await TestDatabases.CreateWithDemoDataAsync("gen100k");
        DataSources = new StationDataSources(ConnectionString);
        await DemoLoader.LoadGeneratedAsync(
            DataSources.Write, "generated-100k", GeneratedCount, Seed, GeneratorRegion.Jingjinji, CancellationToken.None);
        await using var analyze = DataSources.Write.CreateCommand("ANALYZE station");
        await analyze.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        await DataSources.DisposeAsync();
        await TestDatabases.DropAsync(Name);
    }
}
