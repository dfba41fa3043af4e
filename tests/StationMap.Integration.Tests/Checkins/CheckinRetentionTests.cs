using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using StationMap.Api.Checkins;
using StationMap.Integration.Tests.Api;
using StationMap.Integration.Tests.Infrastructure;
using static StationMap.Integration.Tests.Checkins.CheckinClient;

namespace StationMap.Integration.Tests.Checkins;

/// <summary>
/// The nightly retention job: check-ins older than the raw retention are folded into daily visits and deleted, and
/// the visits counted before and after are the same.
/// </summary>
public sealed class CheckinRetentionTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private const string VisitsByDay = """
        SELECT coalesce(string_agg(station_id || '@' || day || '=' || visits, ',' ORDER BY station_id, day), '') FROM (
            SELECT station_id, day, count(DISTINCT device_key) AS visits FROM checkin WHERE kind = 'visited' AND weight = 1 GROUP BY station_id, day
            UNION ALL SELECT station_id, day, visits FROM visit_daily) v
        """;

    [Fact]
    public async Task Old_check_ins_are_folded_into_daily_visits_and_deleted_with_the_counts_unchanged()
    {
        await using var factory = new StationMapFactory(database.ConnectionString, new Dictionary<string, string?>
        {
            ["Checkins:LimitsEnabled"] = "false",
            ["Checkins:RawRetentionDays"] = "90",
        });
        using var client = factory.CreateClient();
        var s = (await client.GetFromJsonAsync<NearestResponseDto>("/api/stations/nearest?lat=39.9087&lon=116.3975&k=1"))!.Items[0];
        var start = factory.Time.GetUtcNow();
        // 100 days ago: two devices rest twice each on one day, one rests the next day, one sends no position.
        string a = NewDevice(), b = NewDevice();
        foreach (var (device, hours) in new[] { (a, 0), (a, 3), (b, 1), (b, 5), (a, 26) })
        {
            factory.Time.SetUtcNow(start.AddDays(-100).AddHours(hours));
            await PostAsync(client, s.Id, device, "visited", s.Lat, s.Lon);
        }
        await PostAsync(client, s.Id, NewDevice(), "visited", lat: null, lon: null);
        // And today, which stays raw.
        factory.Time.SetUtcNow(start);
        await PostAsync(client, s.Id, NewDevice(), "visited", s.Lat, s.Lon);

        var before = await ScalarAsync<string>(VisitsByDay);
        await factory.Services.GetRequiredService<CheckinRetentionJob>().RunAsync(CancellationToken.None);

        Assert.Equal(before, await ScalarAsync<string>(VisitsByDay));
        Assert.Equal(2L, await ScalarAsync<long>($"SELECT count(*) FROM visit_daily WHERE station_id = {s.Id}"));
        Assert.Equal(2, await ScalarAsync<int>($"SELECT visits FROM visit_daily WHERE station_id = {s.Id} ORDER BY day LIMIT 1"));
        Assert.Equal(0L, await ScalarAsync<long>($"SELECT count(*) FROM checkin WHERE created_at < now() - interval '90 days'"));
        Assert.Equal(1L, await ScalarAsync<long>($"SELECT count(*) FROM checkin WHERE station_id = {s.Id}"));

        // Run again: nothing more to fold, nothing counted twice.
        await factory.Services.GetRequiredService<CheckinRetentionJob>().RunAsync(CancellationToken.None);
        Assert.Equal(before, await ScalarAsync<string>(VisitsByDay));
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = database.DataSources.Read.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
