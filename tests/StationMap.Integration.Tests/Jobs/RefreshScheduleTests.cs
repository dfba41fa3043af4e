using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using StationMap.Integration.Tests.Infrastructure;

namespace StationMap.Integration.Tests.Jobs;

/// <summary>Each configured source is a recurring job with its cron; removing the source removes the job.</summary>
public sealed class RefreshScheduleTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task A_configured_source_becomes_a_recurring_job_and_leaves_with_its_configuration()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Refresh:Sources:0:Name"] = "district-a",
            ["Refresh:Sources:0:Location"] = "/data/district-a.csv",
            ["Refresh:Sources:0:Cron"] = "15 4 * * 1",
            ["Refresh:Sources:1:Name"] = "district-b",
            ["Refresh:Sources:1:Location"] = "https://example.invalid/b.geojson",
            ["Refresh:Sources:1:Format"] = "geojson",
            ["Hangfire:Server:Enabled"] = "false",
        };
        await using (var first = new StationMapFactory(database.ConnectionString, settings))
        {
            first.CreateClient();
            var jobs = RecurringJobs(first);
            Assert.Equal("15 4 * * 1", jobs["refresh:district-a"].Cron);
            Assert.Equal("0 3 * * *", jobs["refresh:district-b"].Cron);
            Assert.Equal("China Standard Time", jobs["refresh:district-a"].TimeZoneId);
        }

        settings.Remove("Refresh:Sources:1:Name");
        settings.Remove("Refresh:Sources:1:Location");
        settings.Remove("Refresh:Sources:1:Format");
        await using (var second = new StationMapFactory(database.ConnectionString, settings))
        {
            second.CreateClient();
            var jobs = RecurringJobs(second);
            Assert.True(jobs.ContainsKey("refresh:district-a"));
            Assert.False(jobs.ContainsKey("refresh:district-b"));
        }
    }

    [Fact]
    public void A_badly_configured_source_stops_the_start()
    {
        using var factory = new StationMapFactory(database.ConnectionString, new Dictionary<string, string?>
        {
            ["Refresh:Sources:0:Name"] = "Bad Name!",
            ["Refresh:Sources:0:Location"] = "/data/x.csv",
            ["Refresh:Sources:0:Format"] = "xlsx",
            ["Hangfire:Server:Enabled"] = "false",
        });
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Refresh:Sources:0", error.ToString());
    }

    private static Dictionary<string, RecurringJobDto> RecurringJobs(StationMapFactory factory)
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().ToDictionary(j => j.Id);
    }
}
