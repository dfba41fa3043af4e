using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StationMap.Api.Jobs;
using StationMap.Import.Demo;
using StationMap.Import.Normalising;
using StationMap.Integration.Tests.Infrastructure;

namespace StationMap.Integration.Tests.Jobs;

/// <summary>The refresh job against a feed on loopback, run by real Hangfire servers on PostgreSQL storage.</summary>
public sealed class SourceRefreshTests : IAsyncLifetime
{
    private const string Source = "union-feed";
    private FeedServer _feed = null!;
    private string _database = "";
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _feed = await FeedServer.StartAsync();
        var csv = Path.Combine(Path.GetTempPath(), $"feed-{Guid.NewGuid():N}.csv");
        DemoFiles.WriteCsv(BeijingDemo.Stations().Take(40), csv, CoordinateSystem.Wgs84);
        _feed.Content = await File.ReadAllBytesAsync(csv);
        File.Delete(csv);
        _database = await TestDatabases.CreateWithDemoDataAsync("refresh");
        _connectionString = TestDatabases.ConnectionStringFor(_database);
    }

    public async Task DisposeAsync()
    {
        await _feed.DisposeAsync();
        await TestDatabases.DropAsync(_database);
    }

    private StationMapFactory Host(bool server, int attempts = 2) => new(_connectionString, new Dictionary<string, string?>
    {
        ["Refresh:Sources:0:Name"] = Source,
        ["Refresh:Sources:0:Location"] = _feed.Url,
        ["Refresh:Sources:0:Mode"] = "full",
        ["Refresh:Attempts"] = attempts.ToString(),
        ["Refresh:RetryDelaysSeconds:0"] = "1",
        ["Refresh:HttpTimeoutSeconds"] = "1",
        ["Hangfire:Server:Enabled"] = server ? "true" : "false",
        ["Hangfire:Server:WorkerCount"] = "2",
        ["Hangfire:Server:SchedulePollingIntervalSeconds"] = "1",
    });

    [Fact]
    public async Task A_refresh_imports_the_feed_and_an_unchanged_feed_is_not_imported_again()
    {
        await using var host = Host(server: false);
        host.CreateClient();
        var job = host.Services.GetRequiredService<SourceRefreshJob>();

        await job.RunAsync(Source, CancellationToken.None);
        Assert.Equal(40, await ScalarAsync($"SELECT count(*) FROM station WHERE source = '{Source}' AND retired_at IS NULL"));
        Assert.Equal(1, await ScalarAsync($"SELECT count(*) FROM import_run WHERE source = '{Source}' AND status = 'succeeded'"));

        await job.RunAsync(Source, CancellationToken.None);
        Assert.Equal(1, _feed.NotModifiedAnswers);
        Assert.Equal(2, _feed.Requests);
        Assert.Equal(1, await ScalarAsync($"SELECT count(*) FROM import_run WHERE source = '{Source}'"));
    }

    [Fact]
    public async Task Two_servers_never_run_the_same_source_at_once()
    {
        _feed.Hold = TimeSpan.FromMilliseconds(400);
        await using var a = Host(server: true);
        await using var b = Host(server: true);
        a.CreateClient();
        b.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            a.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<SourceRefreshJob>(j => j.RunAsync(Source, CancellationToken.None));
            b.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<SourceRefreshJob>(j => j.RunAsync(Source, CancellationToken.None));
        }
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (_feed.Requests < 6 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
        Assert.Equal(6, _feed.Requests);
        Assert.Equal(1, _feed.MaxInFlight);
        Assert.Equal(1, await ScalarAsync($"SELECT count(*) FROM import_run WHERE source = '{Source}' AND status = 'succeeded'"));
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(_connectionString);
        await using var command = dataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
