using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Npgsql;
using StationMap.Import;
using StationMap.Integration.Tests.Import;
using StationMap.Integration.Tests.Infrastructure;

namespace StationMap.Integration.Tests.Api;

/// <summary>
/// The in-memory nearest index follows the store: changes committed by the import pipeline reach every API host,
/// and a host whose listening connection is killed catches up with what it missed.
/// </summary>
public sealed class NearestSyncTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private static readonly TimeSpan VisibleWithin = TimeSpan.FromSeconds(2);

    // A spot in Hebei, far from every demo station, where the test's own stations are the nearest.
    private const double Lat = 41.2;
    private const double Lon = 118.9;

    [Fact]
    public async Task An_import_that_adds_changes_and_retires_is_visible_in_two_hosts_within_two_seconds()
    {
        var source = ImportHarness.NewSource("sync");
        await using var hostA = new StationMapFactory(database.ConnectionString);
        await using var hostB = new StationMapFactory(database.ConnectionString);
        var clients = new[] { hostA.CreateClient(), hostB.CreateClient() };
        foreach (var client in clients)
        {
            await NearestIndexProbe.WaitUntilCurrentAsync(client, database.DataSources.Write, TimeSpan.FromSeconds(30));
        }

        await ImportAsync(source, ("S1", "Station one", Lat, Lon), ("S2", "Station two", Lat + 0.001, Lon), ("S3", "Station three", Lat + 0.002, Lon));
        var first = await IdsAsync(source, "S1", "S2", "S3");
        await AssertVisibleAsync(clients, [first["S1"], first["S2"], first["S3"]], expectedName: ("S1", "Station one"), first);

        // S1 moves past S3 and is renamed, S2 is missing from the full refresh (retired), S3 is unchanged, S4 is new.
        await ImportAsync(source, ("S1", "Station one, moved", Lat + 0.003, Lon), ("S3", "Station three", Lat + 0.002, Lon), ("S4", "Station four", Lat + 0.0005, Lon));
        var second = await IdsAsync(source, "S1", "S3", "S4");
        Assert.Equal(first["S1"], second["S1"]);
        await AssertVisibleAsync(clients, [second["S4"], second["S3"], second["S1"]], expectedName: ("S1", "Station one, moved"), second);
        foreach (var client in clients)
        {
            var answer = await NearestAsync(client, k: 100, maxDistanceM: 5000);
            Assert.DoesNotContain(answer.Items, i => i.Id == first["S2"]);
        }
    }

    [Fact]
    public async Task A_terminated_listening_backend_reconnects_and_catches_up_with_a_change_made_meanwhile()
    {
        var source = ImportHarness.NewSource("listen");
        await using var host = new StationMapFactory(
            database.ConnectionString, new Dictionary<string, string?> { ["Nearest:MaxReconnectDelaySeconds"] = "1" });
        var client = host.CreateClient();
        await ImportAsync(source, ("L1", "Listener one", Lat - 0.5, Lon), ("L2", "Listener two", Lat - 0.5 + 0.001, Lon));
        var ids = await IdsAsync(source, "L1", "L2");
        await NearestIndexProbe.WaitUntilCurrentAsync(client, database.DataSources.Write, TimeSpan.FromSeconds(30));
        Assert.True((await NearestIndexProbe.ReportAsync(client)).GetProperty("listening").GetBoolean());
        var listenersBefore = await ListenerPidsAsync();
        Assert.NotEmpty(listenersBefore);

        // Keep the host from reconnecting while the change is made, so only the catch-up after reconnecting can deliver it.
        await using (var held = await database.DataSources.Write.OpenConnectionAsync())
        {
            await ExecuteOnServerAsync($"ALTER DATABASE \"{database.Name}\" ALLOW_CONNECTIONS false");
            try
            {
                Assert.True(await TerminateListenersAsync() >= 1);
                await using var retire = new NpgsqlCommand("UPDATE station SET retired_at = now() WHERE id = @id", held);
                retire.Parameters.AddWithValue("id", ids["L1"]);
                Assert.Equal(1, await retire.ExecuteNonQueryAsync());
                await Task.Delay(1500);
                // The host cannot have heard of it: it still answers from the index it had.
                var stale = await NearestAsync(client, lat: Lat - 0.5, k: 1);
                Assert.Equal(ids["L1"], Assert.Single(stale.Items).Id);
            }
            finally
            {
                await ExecuteOnServerAsync($"ALTER DATABASE \"{database.Name}\" ALLOW_CONNECTIONS true");
            }
        }

        var watch = Stopwatch.StartNew();
        while (true)
        {
            var answer = await NearestAsync(client, lat: Lat - 0.5, k: 1);
            if (answer.Items.Count == 1 && answer.Items[0].Id == ids["L2"])
            {
                break;
            }
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"no catch-up after {watch.Elapsed}: nearest is still {answer.Items[0].Id}");
            await Task.Delay(50);
        }
        var listenersAfter = await ListenerPidsAsync();
        Assert.NotEmpty(listenersAfter);
        Assert.Empty(listenersAfter.Intersect(listenersBefore));
        Assert.True((await NearestIndexProbe.ReportAsync(client)).GetProperty("listening").GetBoolean());
    }

    private Task ImportAsync(string source, params (string Id, string Name, double Lat, double Lon)[] stations) =>
        ImportHarness.ImportStationsAsync(database.DataSources.Write, source, stations);

    // Polls every host until its nearest answer is exactly the expected ids (and the named station carries its new
    // name); the clock starts when the import has committed.
    private static async Task AssertVisibleAsync(
        HttpClient[] clients, long[] expected, (string ExternalId, string Name) expectedName, Dictionary<string, long> ids)
    {
        var watch = Stopwatch.StartNew();
        foreach (var client in clients)
        {
            while (true)
            {
                var answer = await NearestAsync(client, k: expected.Length);
                var named = answer.Items.FirstOrDefault(i => i.Id == ids[expectedName.ExternalId]);
                if (answer.Items.Select(i => i.Id).SequenceEqual(expected) && named?.Name == expectedName.Name.Replace(",", "，"))
                {
                    break;
                }
                Assert.True(watch.Elapsed < VisibleWithin,
                    $"not visible after {watch.Elapsed}: expected [{string.Join(",", expected)}], got [{string.Join(",", answer.Items.Select(i => i.Id))}]");
                await Task.Delay(20);
            }
        }
    }

    private async Task<Dictionary<string, long>> IdsAsync(string source, params string[] externalIds)
    {
        await using var command = database.DataSources.Read.CreateCommand(
            "SELECT external_id, id FROM station WHERE source = @source AND external_id = ANY(@ids)");
        command.Parameters.AddWithValue("source", source);
        command.Parameters.AddWithValue("ids", externalIds);
        var ids = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids[reader.GetString(0)] = reader.GetInt64(1);
        }
        Assert.Equal(externalIds.Length, ids.Count);
        return ids;
    }

    private static async Task<NearestResponseDto> NearestAsync(HttpClient client, int k, double lat = Lat, double? maxDistanceM = null)
    {
        var query = string.Create(CultureInfo.InvariantCulture, $"lat={lat:R}&lon={Lon:R}&k={k}");
        if (maxDistanceM is { } max)
        {
            query += string.Create(CultureInfo.InvariantCulture, $"&maxDistanceM={max:R}");
        }
        var response = await client.GetAsync($"/api/stations/nearest?{query}");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<NearestResponseDto>())!;
    }

    private async Task<List<int>> ListenerPidsAsync()
    {
        await using var connection = new NpgsqlConnection(TestDatabases.ConnectionStringFor("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT pid FROM pg_stat_activity WHERE datname = @db AND application_name = 'stationmap-nearest-listener'", connection);
        command.Parameters.AddWithValue("db", database.Name);
        var pids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            pids.Add(reader.GetInt32(0));
        }
        return pids;
    }

    private async Task<int> TerminateListenersAsync()
    {
        await using var connection = new NpgsqlConnection(TestDatabases.ConnectionStringFor("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @db AND application_name = 'stationmap-nearest-listener'",
            connection);
        command.Parameters.AddWithValue("db", database.Name);
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabases.ConnectionStringFor("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
