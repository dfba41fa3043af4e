using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StationMap.Integration.Tests.Api;
using StationMap.Integration.Tests.Infrastructure;
using StationMap.Store.Operators;
using static StationMap.Integration.Tests.Checkins.CheckinClient;

namespace StationMap.Integration.Tests.Checkins;

/// <summary>
/// The moderation queue: comments are hidden until approved; a permanent closure approved retires the station (gone
/// from nearest within 2 s, recorded as an import run, reversible), rejected leaves it; a blocked device is ignored.
/// </summary>
public sealed class ModerationTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private StationMapFactory _factory = null!;
    private HttpClient _client = null!;
    private HttpClient _operator = null!;
    private NearestItemDto[] _stations = [];

    public async Task InitializeAsync()
    {
        _factory = new StationMapFactory(database.ConnectionString, new Dictionary<string, string?> { ["Checkins:LimitsEnabled"] = "false" });
        _client = _factory.CreateClient();
        _operator = _factory.CreateClient();
        var key = await _factory.Services.GetRequiredService<OperatorKeys>().CreateAsync("moderator", "operator", CancellationToken.None);
        _operator.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        await NearestIndexProbe.WaitUntilCurrentAsync(_client, database.DataSources.Write, TimeSpan.FromSeconds(30));
        _stations = [.. (await _client.GetFromJsonAsync<NearestResponseDto>("/api/stations/nearest?lat=39.95&lon=116.35&k=10"))!.Items];
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_comment_is_invisible_until_approved_and_a_rejected_one_never_shows()
    {
        var s = _stations[0];
        await PostAsync(_client, s.Id, NewDevice(), "visited", s.Lat, s.Lon, comment: "热水很足，谢谢师傅");
        await PostAsync(_client, s.Id, NewDevice(), "open_confirmed", s.Lat, s.Lon, comment: "这里太吵了，不好");
        Assert.Empty(await CommentsAsync(s.Id));

        var queue = await QueueAsync();
        var good = queue.Single(i => i.GetProperty("type").GetString() == "comment" && i.GetProperty("comment").GetString() == "热水很足，谢谢师傅");
        var bad = queue.Single(i => i.GetProperty("type").GetString() == "comment" && i.GetProperty("comment").GetString() == "这里太吵了，不好");
        Assert.Equal(s.Id, good.GetProperty("stationId").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await _operator.PostAsync($"/api/moderation/{good.GetProperty("id").GetInt64()}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _operator.PostAsync($"/api/moderation/{bad.GetProperty("id").GetInt64()}/reject", null)).StatusCode);
        Assert.Equal(["热水很足，谢谢师傅"], await CommentsAsync(s.Id));
        Assert.Equal(HttpStatusCode.Conflict, (await _operator.PostAsync($"/api/moderation/{bad.GetProperty("id").GetInt64()}/approve", null)).StatusCode);
        Assert.DoesNotContain(await QueueAsync(), i => i.GetProperty("stationId").GetInt64() == s.Id);
    }

    [Fact]
    public async Task An_approved_permanent_closure_retires_the_station_within_2_s_and_a_revert_brings_it_back()
    {
        var s = _stations[1];
        await PostAsync(_client, s.Id, NewDevice(), "closed_permanently", s.Lat, s.Lon);
        await PostAsync(_client, s.Id, NewDevice(), "closed_permanently", s.Lat, s.Lon, comment: "店已经搬走了");
        var item = (await QueueAsync()).Single(i => i.GetProperty("type").GetString() == "closure" && i.GetProperty("stationId").GetInt64() == s.Id);
        Assert.Equal(2, item.GetProperty("devices").GetInt32());
        Assert.Equal(2, item.GetProperty("closedReportsToday").GetInt32());
        Assert.Equal(["店已经搬走了"], item.GetProperty("comments").EnumerateArray().Select(c => c.GetString()));

        var watch = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, (await _operator.PostAsync($"/api/moderation/{item.GetProperty("id").GetInt64()}/approve", null)).StatusCode);
        while (watch.Elapsed < TimeSpan.FromSeconds(2) && (await NearestIdsAsync(s)).Contains(s.Id))
        {
            await Task.Delay(50);
        }
        Assert.DoesNotContain(s.Id, await NearestIdsAsync(s));
        var card = await _client.GetFromJsonAsync<JsonElement>($"/api/stations/{s.Id}");
        Assert.Equal(JsonValueKind.String, card.GetProperty("retiredAt").ValueKind);
        await using (var runs = database.DataSources.Read.CreateCommand(
            $"SELECT count(*) FROM import_run WHERE format = 'moderation' AND retired = 1 AND report->>'stationId' = '{s.Id}'"))
        {
            Assert.Equal(1L, (long)(await runs.ExecuteScalarAsync())!);
        }

        Assert.Equal(HttpStatusCode.OK, (await _operator.PostAsync($"/api/moderation/{item.GetProperty("id").GetInt64()}/revert", null)).StatusCode);
        watch.Restart();
        while (watch.Elapsed < TimeSpan.FromSeconds(5) && !(await NearestIdsAsync(s)).Contains(s.Id))
        {
            await Task.Delay(50);
        }
        Assert.Contains(s.Id, await NearestIdsAsync(s));
        Assert.Equal(HttpStatusCode.Conflict, (await _operator.PostAsync($"/api/moderation/{item.GetProperty("id").GetInt64()}/revert", null)).StatusCode);
    }

    [Fact]
    public async Task A_rejected_permanent_closure_leaves_the_station()
    {
        var s = _stations[2];
        await PostAsync(_client, s.Id, NewDevice(), "closed_permanently", s.Lat, s.Lon);
        var item = (await QueueAsync()).Single(i => i.GetProperty("type").GetString() == "closure" && i.GetProperty("stationId").GetInt64() == s.Id);
        Assert.Equal(HttpStatusCode.OK, (await _operator.PostAsync($"/api/moderation/{item.GetProperty("id").GetInt64()}/reject", null)).StatusCode);
        await Task.Delay(500);
        Assert.Contains(s.Id, await NearestIdsAsync(s));
        var card = await _client.GetFromJsonAsync<JsonElement>($"/api/stations/{s.Id}");
        Assert.NotEqual(JsonValueKind.String, card.GetProperty("retiredAt").ValueKind);
    }

    [Fact]
    public async Task A_blocked_device_is_answered_as_usual_and_kept_nowhere()
    {
        var s = _stations[3];
        var device = NewDevice();
        await PostAsync(_client, s.Id, device, "visited", s.Lat, s.Lon, comment: "垃圾广告");
        var item = (await QueueAsync()).Single(i => i.GetProperty("comment").GetString() == "垃圾广告");
        Assert.Equal(HttpStatusCode.OK, (await _operator.PostAsync($"/api/moderation/{item.GetProperty("id").GetInt64()}/block-device", null)).StatusCode);

        var before = await CountAsync(s.Id);
        var response = await PostAsync(_client, s.Id, device, "closed_now", s.Lat, s.Lon);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("counted").GetBoolean());
        Assert.Equal(before, await CountAsync(s.Id));
    }

    [Fact]
    public async Task The_queue_is_for_operators_only()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.GetAsync("/api/moderation/queue")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.PostAsync("/api/moderation/1/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _operator.PostAsync("/api/moderation/987654321/approve", null)).StatusCode);
    }

    private async Task<long> CountAsync(long stationId)
    {
        await using var count = database.DataSources.Read.CreateCommand($"SELECT count(*) FROM checkin WHERE station_id = {stationId}");
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private async Task<List<JsonElement>> QueueAsync() =>
        [.. (await _operator.GetFromJsonAsync<JsonElement>("/api/moderation/queue")).EnumerateArray()];

    private async Task<string[]> CommentsAsync(long stationId) =>
        [.. (await _client.GetFromJsonAsync<JsonElement>($"/api/stations/{stationId}")).GetProperty("comments").EnumerateArray()
            .Select(c => c.GetProperty("text").GetString()!)];

    private async Task<long[]> NearestIdsAsync(NearestItemDto around) =>
        [.. (await _client.GetFromJsonAsync<NearestResponseDto>($"/api/stations/nearest?lat={F(around.Lat)}&lon={F(around.Lon)}&k=3"))!.Items.Select(i => i.Id)];
}
