using StationMap.DemoData;
using StationMap.Store;

namespace StationMap.Integration.Tests.Infrastructure;

/// <summary>A class fixture: the demo data plus <paramref name="count"/> generated stations over Beijing-Tianjin-Hebei, dropped afterwards.</summary>
public abstract class GeneratedStationsDatabase(int count, string name) : IAsyncLifetime
{
    public const int Seed = 20261124;

    public string Name { get; private set; } = "";

    public string ConnectionString => TestDatabases.ConnectionStringFor(Name);

    public StationDataSources DataSources { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Name = await TestDatabases.CreateWithDemoDataAndAsync(name, $"generated_{count}", async dataSources =>
        {
            await DemoLoader.LoadGeneratedAsync(
                dataSources.Write, $"generated-{name}", count, Seed, GeneratorRegion.Jingjinji, CancellationToken.None);
            await using var analyze = dataSources.Write.CreateCommand("ANALYZE station");
            await analyze.ExecuteNonQueryAsync();
        });
        DataSources = new StationDataSources(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await DataSources.DisposeAsync();
        await TestDatabases.DropAsync(Name);
    }
}

/// <summary>100,000 generated stations beside the demo data.</summary>
public sealed class GeneratedDatabase() : GeneratedStationsDatabase(GeneratedCount, "gen100k")
{
    public const int GeneratedCount = 100_000;
}

/// <summary>300,000 generated stations beside the demo data: the size the cost caps are tested at.</summary>
public sealed class Generated300kDatabase() : GeneratedStationsDatabase(GeneratedCount, "gen300k")
{
    public const int GeneratedCount = 300_000;
}
