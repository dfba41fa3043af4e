using StationMap.Store;

namespace StationMap.Integration.Tests.Infrastructure;

/// <summary>A class fixture: this test class's own database with the Beijing demo data, dropped afterwards.</summary>
public sealed class DemoDatabase : IAsyncLifetime
{
    public string Name { get; private set; } = "";

    public string ConnectionString => TestDatabases.ConnectionStringFor(Name);

    public StationDataSources DataSources { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Name = await TestDatabases.CreateWithDemoDataAsync("demo");
        DataSources = new StationDataSources(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await DataSources.DisposeAsync();
        await TestDatabases.DropAsync(Name);
    }
}
