using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using StationMap.Integration.Tests.Jobs;
using StationMap.Store;

namespace StationMap.Integration.Tests.Cluster;

/// <summary>
/// Both API processes run a Hangfire server; one source is refreshed every 2 s by its schedule and more often by
/// operators through either process, while the primary fails over: no two runs of the source ever overlap, and every
/// run that was scheduled ends succeeded, once.
/// </summary>
[Collection(ReplicatedClusters.Name)]
public sealed class HangfireFailoverTests : IAsyncLifetime
{
    private const string Source = "cycle-feed";
    private ReplicatedCluster _cluster = null!;
    private FeedServer _feed = null!;

    public async Task InitializeAsync()
    {
        _feed = await FeedServer.StartAsync();
        _feed.ContentOf = n => ClusterProbes.OneStationFeed(Source, n);
        // Each fetch takes 300 ms: two runs at once would overlap at the feed.
        _feed.Hold = TimeSpan.FromMilliseconds(300);
        _cluster = await ReplicatedCluster.StartAsync(new Dictionary<string, string>
        {
            ["STATIONMAP_CLUSTER_API2_HANGFIRE"] = "true",
            ["Refresh__Sources__0__Name"] = Source,
            ["Refresh__Sources__0__Location"] = _feed.Url,
            ["Refresh__Sources__0__Cron"] = "*/2 * * * * *",
            ["Refresh__Attempts"] = "10",
            ["Refresh__RetryDelaysSeconds__0"] = "1",
            ["Hangfire__Server__SchedulePollingIntervalSeconds"] = "1",
            ["Hangfire__Server__WorkerCount"] = "2",
        });
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _feed.DisposeAsync();
    }

    [Fact]
    public async Task Through_a_failover_two_servers_never_run_one_source_at_once_and_every_scheduled_run_succeeds_once()
    {
        using var stop = new CancellationTokenSource();
        var operators = OperatorRefreshesAsync(stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(6));
        // The primary stops while a run is fetching, and that fetch outlasts the promotion: a run that went on after
        // losing its lock would overlap the next run, which takes the lock on the promoted primary.
        _feed.Hold = TimeSpan.FromSeconds(4);
        var before = _feed.Requests;
        await ClusterProbes.EventuallyAsync(() => Task.FromResult(_feed.Requests > before && _feed.InFlight > 0), Stopwatch.StartNew(),
            TimeSpan.FromSeconds(10), () => "no refresh fetched the feed");
        await _cluster.StopPrimaryAsync();
        await _cluster.PromoteAsync();
        _feed.Hold = TimeSpan.FromMilliseconds(300);
        await Task.Delay(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        var enqueued = await operators;

        // The schedule ends as an operator ends it (the source taken out); jobs it made before that still run.
        await using var primary = new StationDataSources(_cluster.WriteConnectionString);
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(_cluster.WriteConnectionString, new PostgreSqlStorageOptions()),
            new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = false });
        new RecurringJobManager(storage).RemoveIfExists("refresh:" + Source);
        await Task.Delay(TimeSpan.FromSeconds(3));

        IReadOnlyList<RefreshJobRecord> jobs = [];
        await ClusterProbes.EventuallyAsync(async () =>
        {
            jobs = await ClusterProbes.RefreshJobsAsync(primary.Write, Source);
            return jobs.All(j => j.State == "Succeeded");
        }, Stopwatch.StartNew(), TimeSpan.FromSeconds(120),
            () => $"not every refresh succeeded: {string.Join(", ", jobs.Where(j => j.State != "Succeeded").Select(j => $"{j.Id} {j.State} ({string.Join(">", j.States)})"))}\n{_cluster.LogTail(1)}\n{_cluster.LogTail(2)}");

        var scheduled = jobs.Count - enqueued;
        Assert.True(scheduled >= 5, $"only {scheduled} runs came from the schedule");
        Assert.True(enqueued >= 5, $"only {enqueued} runs were enqueued by operators");
        // Once: a job that succeeded was not run to success again (by the other server, or after the failover).
        Assert.All(jobs, j => Assert.True(j.States.Count(s => s == "Succeeded") == 1, $"job {j.Id}: {string.Join(" > ", j.States)} by {string.Join(", ", j.ProcessedBy)}"));
        var pid1 = _cluster.ApiPid(1);
        var pid2 = _cluster.ApiPid(2);
        var servers = jobs.SelectMany(j => j.ProcessedBy).ToList();
        Assert.Contains(servers, s => ClusterProbes.RunsIn(s, pid1));
        Assert.Contains(servers, s => ClusterProbes.RunsIn(s, pid2));

        // Never two at once: at the feed (each fetch is held 300 ms) and in the store (each import's start and end).
        Assert.Equal(1, _feed.MaxInFlight);
        var runs = await ClusterProbes.ImportRunsAsync(primary.Write, Source);
        for (var i = 1; i < runs.Count; i++)
        {
            Assert.True(runs[i].Start >= runs[i - 1].End, $"import {i} started at {runs[i].Start:O} before import {i - 1} ended at {runs[i - 1].End:O}");
        }
        // Every run accounted for: each succeeded job imported (the feed changes between any two fetches), an import
        // comes only from a fetch, and a fetch only from a job's attempt.
        var attempts = jobs.Sum(j => j.States.Count(s => s == "Processing"));
        Assert.InRange(runs.Count, jobs.Count, _feed.Requests);
        Assert.InRange(_feed.Requests, runs.Count, attempts);
    }

    // Operators ask for refreshes through both processes, one every 700 ms; returns how many were enqueued (while there
    // is no primary the request is a 503 and nothing is enqueued).
    private async Task<int> OperatorRefreshesAsync(CancellationToken stop)
    {
        var enqueued = 0;
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var api = ReplicatedCluster.ApiNumbers[i % 2];
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/admin/sources/{Source}/refresh");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _cluster.OperatorKey);
            var response = await _cluster.Api(api).SendAsync(request, CancellationToken.None);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                enqueued++;
            }
            else
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            }
            try
            {
                await Task.Delay(700, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }
        return enqueued;
    }
}
