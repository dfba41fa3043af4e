using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StationMap.Api.Checkins;
using StationMap.Integration.Tests.Api;
using StationMap.Integration.Tests.Infrastructure;
using Npgsql;
using StationMap.Store.Checkins;
using StationMap.Store.Operators;
using static StationMap.Integration.Tests.Checkins.CheckinClient;

namespace StationMap.Integration.Tests.Checkins;

/// <summary>
/// What check-ins change for everyone else: one device nothing, two distinct devices a status that nearest, the card
/// and another API process see; it clears on confirmation by as many and lapses with time (pinned clock).
/// </summary>
public sealed class CheckinStatusTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        // These tests send many check-ins from one in-process client; the limits have tests of their own.
        ["Checkins:LimitsEnabled"] = "false",
        ["Checkins:DeviceKeySecret"] = "integration-test-secret-of-at-least-32-chars",
    };

    private StationMapFactory _factory = null!;
    private HttpClient _client = null!;
    private NearestItemDto[] _stations = [];

    public async Task InitializeAsync()
    {
        _factory = new StationMapFactory(database.ConnectionString, Settings);
        _client = _factory.CreateClient();
        await NearestIndexProbe.WaitUntilCurrentAsync(_client, database.DataSources.Write, TimeSpan.FromSeconds(30));
        _stations = [.. (await _client.GetFromJsonAsync<NearestResponseDto>("/api/stations/nearest?lat=39.9087&lon=116.3975&k=20"))!.Items];
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task One_device_changes_nothing_two_do_as_many_clear_it_and_it_lapses()
    {
        var s = _stations[0];
        var start = _factory.Time.GetUtcNow();
        string a = NewDevice(), b = NewDevice(), c = NewDevice(), d = NewDevice();

        var first = await PostAsync(_client, s.Id, a, "closed_now", s.Lat, s.Lon);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.True((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("counted").GetBoolean());
        Assert.Null(await StatusAsync(_client, s.Id));
        Assert.Contains(s.Id, await NearestIdsAsync(_client, s, excludeClosed: true));
        // The same device saying it again within the hour is not a second voice.
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(_client, s.Id, a, "closed_now", s.Lat, s.Lon)).StatusCode);

        _factory.Time.SetUtcNow(start.AddMinutes(10));
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(_client, s.Id, b, "closed_now", s.Lat, s.Lon)).StatusCode);
        var closed = (await StatusAsync(_client, s.Id))!.Value;
        Assert.True(closed.GetProperty("reportedClosed").GetBoolean());
        Assert.Equal(2, closed.GetProperty("closedReporters").GetInt32());
        Assert.DoesNotContain(s.Id, await NearestIdsAsync(_client, s, excludeClosed: true));
        Assert.Contains(s.Id, await NearestIdsAsync(_client, s, excludeClosed: false));

        // One device confirming it open is one voice against two: still closed. A second one clears it.
        _factory.Time.SetUtcNow(start.AddHours(2));
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(_client, s.Id, c, "open_confirmed", s.Lat, s.Lon)).StatusCode);
        Assert.True((await StatusAsync(_client, s.Id))!.Value.GetProperty("reportedClosed").GetBoolean());
        var confirmedAt = start.AddHours(2).AddMinutes(5);
        _factory.Time.SetUtcNow(confirmedAt);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(_client, s.Id, d, "visited", s.Lat, s.Lon)).StatusCode);
        var open = (await StatusAsync(_client, s.Id))!.Value;
        Assert.False(open.GetProperty("reportedClosed").GetBoolean());
        Assert.Equal(confirmedAt, open.GetProperty("lastConfirmedAt").GetDateTimeOffset());
        Assert.Contains(s.Id, await NearestIdsAsync(_client, s, excludeClosed: true));

        // A week after the confirmation nothing is left to show.
        _factory.Time.SetUtcNow(confirmedAt.AddDays(7).AddMinutes(1));
        Assert.Null(await StatusAsync(_client, s.Id));
        _factory.Time.SetUtcNow(start);
    }

    [Fact]
    public async Task Closed_reports_lapse_after_a_day_and_a_reporter_who_rests_there_later_no_longer_counts()
    {
        var s = _stations[1];
        var start = _factory.Time.GetUtcNow();
        string a = NewDevice(), b = NewDevice();
        await PostAsync(_client, s.Id, a, "closed_now", s.Lat, s.Lon);
        await PostAsync(_client, s.Id, b, "closed_permanently", s.Lat, s.Lon);
        Assert.True((await StatusAsync(_client, s.Id))!.Value.GetProperty("reportedClosed").GetBoolean());

        _factory.Time.SetUtcNow(start.AddHours(24).AddMinutes(1));
        Assert.Null(await StatusAsync(_client, s.Id));

        // Closed again by the same two; then one of them rests there: their latest word is "open".
        _factory.Time.SetUtcNow(start.AddDays(2));
        await PostAsync(_client, s.Id, a, "closed_now", s.Lat, s.Lon);
        await PostAsync(_client, s.Id, b, "closed_now", s.Lat, s.Lon);
        Assert.True((await StatusAsync(_client, s.Id))!.Value.GetProperty("reportedClosed").GetBoolean());
        _factory.Time.SetUtcNow(start.AddDays(2).AddHours(1));
        await PostAsync(_client, s.Id, b, "visited", s.Lat, s.Lon);
        var status = await StatusAsync(_client, s.Id);
        Assert.True(status is null || !status.Value.GetProperty("reportedClosed").GetBoolean());
        _factory.Time.SetUtcNow(start);
    }

    [Fact]
    public async Task Missing_amenities_and_crowding_need_two_devices_too()
    {
        var s = _stations[2];
        await PostAsync(_client, s.Id, NewDevice(), "amenity_missing", s.Lat, s.Lon, amenity: "hot_water");
        await PostAsync(_client, s.Id, NewDevice(), "crowded", s.Lat, s.Lon);
        Assert.Null(await StatusAsync(_client, s.Id));
        await PostAsync(_client, s.Id, NewDevice(), "amenity_missing", s.Lat, s.Lon, amenity: "hot_water");
        await PostAsync(_client, s.Id, NewDevice(), "crowded", s.Lat, s.Lon);
        var status = (await StatusAsync(_client, s.Id))!.Value;
        Assert.Equal(["hot_water"], status.GetProperty("missingAmenities").EnumerateArray().Select(a => a.GetString()));
        Assert.True(status.GetProperty("crowded").GetBoolean());
        Assert.False(status.GetProperty("reportedClosed").GetBoolean());
    }

    [Fact]
    public async Task An_operator_alone_is_enough()
    {
        var s = _stations[3];
        var key = await _factory.Services.GetRequiredService<OperatorKeys>().CreateAsync("checkin-operator", "operator", CancellationToken.None);
        var response = await PostAsync(_client, s.Id, device: null, "closed_now", lat: null, lon: null, operatorKey: key);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        Assert.True((await StatusAsync(_client, s.Id))!.Value.GetProperty("reportedClosed").GetBoolean());
    }

    [Fact]
    public async Task Without_a_position_a_new_device_is_kept_but_weighs_nothing()
    {
        var s = _stations[4];
        for (var i = 0; i < 3; i++)
        {
            var response = await PostAsync(_client, s.Id, NewDevice(), "closed_now", lat: null, lon: null);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.False((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("counted").GetBoolean());
        }
        Assert.Null(await StatusAsync(_client, s.Id));
        await using var count = database.DataSources.Read.CreateCommand($"SELECT count(*) FROM checkin WHERE station_id = {s.Id} AND weight = 0");
        Assert.Equal(3L, (long)(await count.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task The_status_reaches_another_api_process_through_the_change_notification()
    {
        var s = _stations[5];
        await using var other = new StationMapFactory(database.ConnectionString, Settings);
        using var otherClient = other.CreateClient();
        Assert.Null(await StatusAsync(otherClient, s.Id));
        await PostAsync(_client, s.Id, NewDevice(), "closed_now", s.Lat, s.Lon);
        await PostAsync(_client, s.Id, NewDevice(), "closed_now", s.Lat, s.Lon);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        JsonElement? seen = null;
        while (DateTime.UtcNow < deadline && seen is null)
        {
            seen = await StatusAsync(otherClient, s.Id);
            await Task.Delay(50);
        }
        Assert.True(seen?.GetProperty("reportedClosed").GetBoolean(), "the other process never heard of the reports");
    }

    [Fact]
    public async Task The_database_path_of_nearest_leaves_out_what_the_memory_path_leaves_out()
    {
        var s = _stations[6];
        await PostAsync(_client, s.Id, NewDevice(), "closed_now", s.Lat, s.Lon);
        await PostAsync(_client, s.Id, NewDevice(), "closed_now", s.Lat, s.Lon);
        await using var onDatabase = new StationMapFactory(database.ConnectionString, new Dictionary<string, string?>(Settings) { ["Nearest:Path"] = "Database" });
        using var client = onDatabase.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (DateTime.UtcNow < deadline && (await NearestIdsAsync(client, s, excludeClosed: true)).Contains(s.Id))
        {
            await Task.Delay(50);
        }
        Assert.Equal(await NearestIdsAsync(_client, s, excludeClosed: true), await NearestIdsAsync(client, s, excludeClosed: true));
        Assert.DoesNotContain(s.Id, await NearestIdsAsync(client, s, excludeClosed: true));
        var item = (await client.GetFromJsonAsync<NearestResponseDto>($"/api/stations/nearest?lat={F(s.Lat)}&lon={F(s.Lon)}&k=1"))!.Items[0];
        Assert.Equal(s.Id, item.Id);
    }

    [Fact]
    public async Task Check_ins_sent_at_once_are_each_counted_once_and_the_status_holds_every_voice()
    {
        // Sent together they share transactions (group commit): each device still counts once, its repeat is a 409,
        // and the status derived under the row lock holds all of them, not the last batch's.
        var s = _stations[7];
        var devices = Enumerable.Range(0, 12).Select(_ => NewDevice()).ToArray();
        var sends = devices.Concat(devices).Select(device => PostAsync(_client, s.Id, device, "closed_now", s.Lat, s.Lon)).ToArray();
        var answers = await Task.WhenAll(sends);

        Assert.Equal(devices.Length, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(devices.Length, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        var closed = (await StatusAsync(_client, s.Id))!.Value;
        Assert.True(closed.GetProperty("reportedClosed").GetBoolean());
        Assert.Equal(devices.Length, closed.GetProperty("closedReporters").GetInt32());
    }

    [Fact]
    public async Task A_check_in_timed_before_one_already_written_still_counts_its_voice()
    {
        // A check-in is timed when its request arrives and may queue behind one timed a moment later: here the clock
        // goes back a minute between two closed reports. Derived as of its own time, the second would leave out the
        // first, already committed, and show one voice where there are two.
        var s = _stations[9];
        var start = _factory.Time.GetUtcNow();
        _factory.Time.SetUtcNow(start.AddMinutes(1));
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(_client, s.Id, NewDevice(), "closed_now", s.Lat, s.Lon)).StatusCode);
        _factory.Time.SetUtcNow(start);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(_client, s.Id, NewDevice(), "closed_now", s.Lat, s.Lon)).StatusCode);

        var closed = (await StatusAsync(_client, s.Id))!.Value;
        Assert.True(closed.GetProperty("reportedClosed").GetBoolean());
        Assert.Equal(2, closed.GetProperty("closedReporters").GetInt32());
        await using var connection = await database.DataSources.Write.OpenConnectionAsync();
        Assert.Equal(2, (await StatusQueries.OfStationsAsync(connection, [s.Id], CancellationToken.None))[s.Id].ClosedReporters);
    }

    [Fact]
    public async Task A_check_in_waits_while_another_process_holds_the_station_and_then_counts_with_its_voices()
    {
        // Another process's writer in the middle of a batch for this station: it holds the station's lock, and its
        // check-ins are in the table but not committed. Deriving now would leave them out of the status for good.
        var s = _stations[8];
        await using var connection = await database.DataSources.Write.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1, $2)", connection, transaction))
        {
            hold.Parameters.Add(new NpgsqlParameter<int> { TypedValue = CheckinBatch.StatusLockClass });
            hold.Parameters.Add(new NpgsqlParameter<int> { TypedValue = checked((int)s.Id) });
            await hold.ExecuteNonQueryAsync();
        }
        await CheckinRows.InsertAsync(connection, transaction, [new CheckinRows.Row(s.Id, CheckinRows.NewDevice(), _factory.Time.GetUtcNow().AddMinutes(-1), "closed_now")]);

        var waiting = PostAsync(_client, s.Id, NewDevice(), "closed_now", s.Lat, s.Lon);
        Assert.NotSame(waiting, await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromSeconds(1))));
        await transaction.CommitAsync();

        Assert.Equal(HttpStatusCode.Created, (await waiting).StatusCode);
        var closed = (await StatusAsync(_client, s.Id))!.Value;
        Assert.True(closed.GetProperty("reportedClosed").GetBoolean());
        Assert.Equal(2, closed.GetProperty("closedReporters").GetInt32());
    }

    [Fact]
    public async Task The_listener_tells_this_process_s_writer_by_its_server_and_process_id_and_forgets_it_once_dropped()
    {
        // The listener skips the notifications of this process's writer (its statuses are on the board already) and
        // reads every other one: a backend taken for the writer by mistake would leave another process's status out.
        var s = _stations[10];
        var store = _factory.Services.GetRequiredService<CheckinStore>();
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(_client, s.Id, NewDevice(), "visited", s.Lat, s.Lon)).StatusCode);
        await using var connection = await database.DataSources.Write.OpenConnectionAsync();
        var (host, port) = (connection.Host, connection.Port);
        var writer = await BackendAsync(connection, CheckinBatch.ApplicationName);
        var listener = await BackendAsync(connection, StationStatusSync.ApplicationName);

        Assert.True(store.IsWriter(host, port, writer));
        Assert.False(store.IsWriter(host, port, listener));
        Assert.False(store.IsWriter(host, port, connection.ProcessID));
        Assert.False(store.IsWriter(host, port + 1, writer));
        Assert.False(store.IsWriter("192.0.2.1", port, writer));

        // The writer's connection cut: the next batch fails and drops it, and its process id is no longer the writer's.
        await using (var cut = new NpgsqlCommand($"SELECT pg_terminate_backend({writer})", connection))
        {
            await cut.ExecuteNonQueryAsync();
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await PostAsync(_client, s.Id, NewDevice(), "visited", s.Lat, s.Lon)).StatusCode);
        Assert.False(store.IsWriter(host, port, writer));
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(_client, s.Id, NewDevice(), "visited", s.Lat, s.Lon)).StatusCode);
        var reopened = await BackendAsync(connection, CheckinBatch.ApplicationName);
        Assert.NotEqual(writer, reopened);
        Assert.True(store.IsWriter(host, port, reopened));
    }

    [Fact]
    public async Task A_small_batch_right_after_another_waits_the_gather_window_and_takes_what_arrives_meanwhile()
    {
        // A window far longer than the gaps below, so that a slow machine cannot spread them past it.
        var settings = new Dictionary<string, string?>(Settings) { ["Checkins:GatherWindow"] = "00:00:01" };
        await using var factory = new StationMapFactory(database.ConnectionString, settings);
        var client = factory.CreateClient();
        StationRef first = new(_stations[11]), second = new(_stations[12]), third = new(_stations[13]);

        // The first batch after a quiet spell is written at once; one that follows it closely waits for more.
        Assert.Equal(HttpStatusCode.Created, (await first.PostAsync(client)).StatusCode);
        var early = second.PostAsync(client);
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        var late = third.PostAsync(client);
        Assert.Equal(HttpStatusCode.Created, (await early).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await late).StatusCode);

        // One batch is one transaction: its rows share their xmin.
        var transactions = await TransactionsAsync([first.Id, second.Id, third.Id]);
        Assert.Equal(transactions[second.Id], transactions[third.Id]);
        Assert.NotEqual(transactions[first.Id], transactions[second.Id]);
    }

    private sealed record StationRef(NearestItemDto Station)
    {
        public long Id => Station.Id;

        public Task<HttpResponseMessage> PostAsync(HttpClient client) => CheckinClient.PostAsync(client, Id, NewDevice(), "visited", Station.Lat, Station.Lon);
    }

    // The transaction that wrote each station's latest check-in.
    private async Task<Dictionary<long, string>> TransactionsAsync(long[] stationIds)
    {
        await using var command = database.DataSources.Write.CreateCommand(
            "SELECT DISTINCT ON (station_id) station_id, xmin::text FROM checkin WHERE station_id = ANY($1) ORDER BY station_id, id DESC");
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = stationIds });
        var transactions = new Dictionary<long, string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            transactions.Add(reader.GetInt64(0), reader.GetString(1));
        }
        return transactions;
    }

    // The one backend of this database with that application name.
    private static async Task<int> BackendAsync(NpgsqlConnection connection, string applicationName)
    {
        await using var command = new NpgsqlCommand(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = applicationName });
        var pids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            pids.Add(reader.GetInt32(0));
        }
        return Assert.Single(pids);
    }

    private static async Task<long[]> NearestIdsAsync(HttpClient client, NearestItemDto around, bool excludeClosed)
    {
        var answer = await client.GetFromJsonAsync<NearestResponseDto>(
            $"/api/stations/nearest?lat={F(around.Lat)}&lon={F(around.Lon)}&k=5{(excludeClosed ? "&excludeReportedClosed=true" : "")}");
        return [.. answer!.Items.Select(i => i.Id)];
    }
}
