namespace StationMap.Integration.Tests.Infrastructure;

/// <summary>A test class that asks the real API, one host per class, over the shared demo database.</summary>
public abstract class DemoApiTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    protected DemoDatabase Database { get; } = database;

    protected StationMapFactory Factory { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    public virtual Task InitializeAsync()
    {
        Factory = new StationMapFactory(Database.ConnectionString);
        Client = Factory.CreateClient();
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync() => await Factory.DisposeAsync();
}
