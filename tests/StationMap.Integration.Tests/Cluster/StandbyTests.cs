using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using StationMap.Integration.Tests.Import;
using StationMap.Integration.Tests.Infrastructure;
using StationMap.Integration.Tests.Jobs;

namespace StationMap.Integration.Tests.Cluster;

/// <summary>
/// The cluster as scripts/cluster.sh starts it: a primary, a streaming standby, API 1 with a Hangfire server and API 2
/// in the read-only replica role; both read through prefer-standby and write through the primary.
/// </summary>
public sealed class StandbyCluster : IAsyncLifetime
{
    public const string Source = "replica-feed";

    public ReplicatedCluster Cluster { get; private set; } = null!;

    public FeedServer Feed { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Feed = await FeedServer.StartAsync();
        Feed.ContentOf = n => ClusterProbes.OneStationFeed(Source, n);
        Cluster = await ReplicatedCluster.StartAsync(new Dictionary<string, string>
        {
            ["Refresh__Sources__0__Name"] = Source,
            ["Refresh__Sources__0__Location"] = Feed.Url,
            // Never by itself (1 January at midnight): the test enqueues the runs.
            ["Refresh__Sources__0__Cron"] = "0 0 1 1 *",
            ["Hangfire__Server__SchedulePollingIntervalSeconds"] = "1",
            // A notification whose change the standby has not replayed within 1 s is left to the standby poll.
            ["Nearest__ReplicaWaitSeconds"] = "1",
        });
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Feed.DisposeAsync();
    }
}

[Collection(ReplicatedClusters.Name)]
public sealed class StandbyTests(StandbyCluster fixture) : IClassFixture<StandbyCluster>
{
    private readonly ReplicatedCluster _cluster = fixture.Cluster;

    [Fact]
    public async Task An_import_on_the_primary_shows_in_nearest_on_both_processes_within_2_s()
    {
        // Reads go to the standby: what prefer-standby picks while both nodes run.
        Assert.True(await ClusterProbes.ScalarAsync<bool>(_cluster.ReadConnectionString, "SELECT pg_is_in_recovery()"));
        Assert.False(await ClusterProbes.ScalarAsync<bool>(_cluster.WriteConnectionString, "SELECT pg_is_in_recovery()"));
        // Both processes listen on the primary, the only node where NOTIFY is heard.
        Assert.Equal(2, await ClusterProbes.ScalarAsync<long>(_cluster.WriteConnectionString,
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'stationmap-nearest-listener'"));

        for (var i = 0; i < 3; i++)
        {
            var (name, lat, lon) = ($"Standby probe {i}", 41.6 + i * 0.01, 118.3);
            await ImportHarness.ImportStationsAsync(_cluster.DataSources.Write, ImportHarness.NewSource("standby"), ($"S{i}", name, lat, lon));
            var since = Stopwatch.StartNew();
            foreach (var api in ReplicatedCluster.ApiNumbers)
            {
                await ClusterProbes.EventuallyAsync(() => ClusterProbes.AnswersAsync(_cluster.Api(api), name, lat, lon), since,
                    TimeSpan.FromSeconds(2), () => $"API {api} did not answer the imported station '{name}'\n{_cluster.LogTail(api)}");
            }
        }
    }

    [Fact]
    public async Task While_the_standby_holds_back_a_change_neither_process_answers_it_and_both_do_once_it_is_replayed()
    {
        var standby = _cluster.ConnectionStringTo("standby");
        await ClusterProbes.ExecuteAsync(standby, "SELECT pg_wal_replay_pause()");
        const string name = "Held back by the standby";
        const double lat = 41.9, lon = 118.6;
        try
        {
            await ImportHarness.ImportStationsAsync(_cluster.DataSources.Write, ImportHarness.NewSource("held"), ("H1", name, lat, lon));
            // Longer than the 1 s a process waits for the standby after the notification: the index is loaded from the
            // standby, so the station, committed on the primary, must not show.
            var held = Stopwatch.StartNew();
            while (held.Elapsed < TimeSpan.FromSeconds(2))
            {
                foreach (var api in ReplicatedCluster.ApiNumbers)
                {
                    Assert.False(await ClusterProbes.AnswersAsync(_cluster.Api(api), name, lat, lon),
                        $"API {api} answered a station its standby had not replayed: its index did not come from the standby");
                }
                await Task.Delay(100);
            }
        }
        finally
        {
            await ClusterProbes.ExecuteAsync(standby, "SELECT pg_wal_replay_resume()");
        }
        var since = Stopwatch.StartNew();
        foreach (var api in ReplicatedCluster.ApiNumbers)
        {
            await ClusterProbes.EventuallyAsync(() => ClusterProbes.AnswersAsync(_cluster.Api(api), name, lat, lon), since,
                TimeSpan.FromSeconds(2), () => $"API {api} did not answer the station once the standby replayed it\n{_cluster.LogTail(api)}");
        }
    }

    [Fact]
    public async Task The_read_only_replica_role_runs_no_job_even_the_ones_enqueued_through_it()
    {
        var pid1 = _cluster.ApiPid(1);
        var pid2 = _cluster.ApiPid(2);
        const int perProcess = 6;
        for (var i = 0; i < perProcess; i++)
        {
            foreach (var api in ReplicatedCluster.ApiNumbers)
            {
                var request = new HttpRequestMessage(HttpMethod.Post, $"/api/admin/sources/{StandbyCluster.Source}/refresh");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _cluster.OperatorKey);
                var response = await _cluster.Api(api).SendAsync(request);
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            }
        }
        IReadOnlyList<RefreshJobRecord> jobs = [];
        await ClusterProbes.EventuallyAsync(async () =>
        {
            jobs = await ClusterProbes.RefreshJobsAsync(_cluster.DataSources.Write, StandbyCluster.Source);
            return jobs.Count == 2 * perProcess && jobs.All(j => j.State == "Succeeded");
        }, Stopwatch.StartNew(), TimeSpan.FromSeconds(60),
            () => $"the {2 * perProcess} refreshes did not all succeed: {string.Join(", ", jobs.Select(j => $"{j.Id} {j.State}"))}\n{_cluster.LogTail(1)}");

        var servers = await ClusterProbes.ScalarAsync<string>(_cluster.WriteConnectionString, "SELECT string_agg(id, ' ') FROM hangfire.server");
        Assert.Contains($":{pid1}:", servers);
        Assert.DoesNotContain($":{pid2}:", servers);
        foreach (var job in jobs)
        {
            Assert.NotEmpty(job.ProcessedBy);
            Assert.All(job.ProcessedBy, server => Assert.True(ClusterProbes.RunsIn(server, pid1), $"job {job.Id} processed by {server}, not API 1 ({pid1})"));
        }
        Assert.Equal(2 * perProcess, fixture.Feed.Requests);
        Assert.Equal(1, fixture.Feed.MaxInFlight);
    }
}
