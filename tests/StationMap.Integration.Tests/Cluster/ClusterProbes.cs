using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Npgsql;
using StationMap.Integration.Tests.Api;

namespace StationMap.Integration.Tests.Cluster;

/// <summary>What the cluster tests ask the API processes and the nodes.</summary>
internal static class ClusterProbes
{
    public static string NearestPath(double lat, double lon, int k = 1) =>
        string.Create(CultureInfo.InvariantCulture, $"/api/stations/nearest?lat={lat:R}&lon={lon:R}&k={k}");

    /// <summary>Whether nearest at the station's own position answers it first.</summary>
    public static async Task<bool> AnswersAsync(HttpClient api, string name, double lat, double lon)
    {
        var answer = await api.GetFromJsonAsync<NearestResponseDto>(NearestPath(lat, lon));
        return answer!.Items.Count > 0 && answer.Items[0].Name == name;
    }

    /// <summary>
    /// Polls until <paramref name="done"/> holds, failing after <paramref name="deadline"/> (counted from
    /// <paramref name="since"/>) with <paramref name="failure"/>; returns the time it took.
    /// </summary>
    public static async Task<TimeSpan> EventuallyAsync(Func<Task<bool>> done, Stopwatch since, TimeSpan deadline, Func<string> failure)
    {
        while (true)
        {
            if (await done())
            {
                return since.Elapsed;
            }
            if (since.Elapsed > deadline)
            {
                throw new Xunit.Sdk.XunitException($"{failure()} (waited {since.Elapsed.TotalMilliseconds:F0} ms, allowed {deadline.TotalMilliseconds:F0} ms)");
            }
            await Task.Delay(20);
        }
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), CultureInfo.InvariantCulture);
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A feed of one station per request, a different one each time, so that every refresh imports.</summary>
    public static byte[] OneStationFeed(string prefix, int request) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"external_id,name,kind,lat,lon\n{prefix}-{request},{prefix} {request},warm_station,{41.0 + request * 0.0001:R},117.9\n"));

    /// <summary>The Hangfire jobs of one source's refresh, with each one's states in order (on the primary).</summary>
    public static async Task<IReadOnlyList<RefreshJobRecord>> RefreshJobsAsync(NpgsqlDataSource primary, string source)
    {
        await using var command = primary.CreateCommand("""
            SELECT j.id, j.statename, s.name, coalesce(s.data->>'ServerId', '')
            FROM hangfire.job j
            LEFT JOIN hangfire.state s ON s.jobid = j.id
            WHERE j.invocationdata->>'Type' LIKE 'StationMap.Api.Sources.SourceRefreshJob,%'
              AND position(@source IN j.invocationdata->>'Arguments') > 0
            ORDER BY j.id, s.id
            """);
        command.Parameters.AddWithValue("source", source);
        var jobs = new Dictionary<long, RefreshJobRecord>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var id = reader.GetInt64(0);
            if (!jobs.TryGetValue(id, out var job))
            {
                jobs[id] = job = new RefreshJobRecord(id, reader.IsDBNull(1) ? null : reader.GetString(1), [], []);
            }
            if (!reader.IsDBNull(2))
            {
                job.States.Add(reader.GetString(2));
                if (reader.GetString(2) == "Processing")
                {
                    job.ProcessedBy.Add(reader.GetString(3));
                }
            }
        }
        return [.. jobs.Values];
    }

    /// <summary>The succeeded import runs of a source, as [start, end] intervals in commit order.</summary>
    public static async Task<IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)>> ImportRunsAsync(NpgsqlDataSource primary, string source)
    {
        await using var command = primary.CreateCommand(
            "SELECT started_at, finished_at FROM import_run WHERE source = @source AND status = 'succeeded' ORDER BY started_at");
        command.Parameters.AddWithValue("source", source);
        var runs = new List<(DateTimeOffset, DateTimeOffset)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            runs.Add((reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateTimeOffset>(1)));
        }
        return runs;
    }

    /// <summary>Hangfire's server id names its process: "host:pid:guid".</summary>
    public static bool RunsIn(string serverId, int pid) => serverId.Split(':') is [_, var p, _] && p == pid.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One Hangfire job of a refresh: its current state, its states in order and the servers that processed it.</summary>
internal sealed record RefreshJobRecord(long Id, string? State, List<string> States, List<string> ProcessedBy);
