using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StationMap.Api.Sources;
using StationMap.DemoData;
using StationMap.Import.Normalising;
using StationMap.Integration.Tests.Infrastructure;

namespace StationMap.Integration.Tests.Jobs;

/// <summary>The refresh job against a feed on loopback, run by real Hangfire servers on PostgreSQL storage.</summary>
[Collection(HangfireHosts.Name)]
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

    public static TheoryData<string> BrokenFeeds => ["server-error", "malformed", "timeout"];

    [Theory]
    [MemberData(nameof(BrokenFeeds))]
    public async Task A_broken_feed_is_retried_the_configured_number_of_times_and_changes_no_station(string broken)
    {
        switch (broken)
        {
            case "server-error":
                _feed.Mode = FeedMode.Fail;
                break;
            case "malformed":
                _feed.Content = "编号,备注\n1,没有坐标\n"u8.ToArray();
                break;
            case "timeout":
                _feed.Mode = FeedMode.Stall;
                break;
        }
        var before = await StationFingerprintAsync();
        const int attempts = 2;
        await using var host = Host(server: true, attempts);
        host.CreateClient();
        var jobId = host.Services.GetRequiredService<IBackgroundJobClient>()
            .Enqueue<SourceRefreshJob>(j => j.RunAsync(Source, CancellationToken.None));

        var monitoring = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (monitoring.JobDetails(jobId).History.FirstOrDefault()?.StateName != "Failed" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        var history = monitoring.JobDetails(jobId).History;
        Assert.True(history.FirstOrDefault()?.StateName == "Failed",
            "job states, newest first: " + string.Join(" <- ", history.Select(h => $"{h.StateName} ({h.Reason})"))
            + $"; servers: {string.Join(",", monitoring.Servers().Select(sv => $"{sv.Name} w{sv.WorkersCount} hb{sv.Heartbeat:HH:mm:ss}"))}; feed requests: {_feed.Requests}; now {DateTime.UtcNow:HH:mm:ss}"
            + "; queue: " + await RowsAsync("SELECT jobid || ' ' || queue || ' ' || coalesce(fetchedat::text, '-') FROM hangfire.jobqueue")
            + "; locks: " + await RowsAsync("SELECT resource || ' ' || acquired::text FROM hangfire.lock")
            + "; backends: " + await RowsAsync("SELECT coalesce(application_name, '') || ' ' || coalesce(state, '') || ' ' || coalesce(wait_event, '') || ' ' || left(query, 80) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"));
        // The first run and `attempts` retries, each recorded as an unsuccessful import run with its reason
        // (a feed that cannot be fetched is 'failed', one that cannot be read is 'invalid_input').
        Assert.Equal(attempts + 1, await ScalarAsync($"SELECT count(*) FROM import_run WHERE source = '{Source}' AND status IN ('failed', 'invalid_input')"));
        Assert.Equal(attempts + 1, await ScalarAsync($"SELECT count(*) FROM import_run WHERE source = '{Source}'"));
        var reason = broken switch
        {
            "server-error" => "answered 500",
            "malformed" => "missing required column",
            _ => "fetching the feed failed",
        };
        Assert.Equal(attempts + 1, await ScalarAsync($"SELECT count(*) FROM import_run WHERE source = '{Source}' AND error LIKE '%{reason}%'"));
        Assert.Equal(before, await StationFingerprintAsync());
    }

    [Fact]
    public async Task Each_host_retries_with_its_own_configured_policy()
    {
        await using var twice = Host(server: false, attempts: 2);
        await using var never = Host(server: false, attempts: 0);
        twice.CreateClient();
        never.CreateClient();
        var job = Job.FromExpression<SourceRefreshJob>(j => j.RunAsync(Source, CancellationToken.None));

        int RetryAttempts(StationMapFactory host) => host.Services.GetRequiredService<IJobFilterProvider>().GetFilters(job)
            .Select(f => f.Instance).OfType<AutomaticRetryAttribute>().Single().Attempts;

        Assert.Equal(2, RetryAttempts(twice));
        Assert.Equal(0, RetryAttempts(never));
    }

    private async Task<string> RowsAsync(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(_connectionString);
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }
        return string.Join(" | ", rows);
    }

    private async Task<string> StationFingerprintAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(_connectionString);
        await using var command = dataSource.CreateCommand(
            "SELECT count(*)::text || ':' || coalesce(md5(string_agg(id::text || name || ST_AsText(location) || coalesce(retired_at::text, ''), ',' ORDER BY id)), '') FROM station");
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(_connectionString);
        await using var command = dataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
