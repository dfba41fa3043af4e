using System.Security.Cryptography;
using Npgsql;
using NpgsqlTypes;

namespace StationMap.Integration.Tests.Checkins;

/// <summary>
/// Check-in rows written straight into the table, as the check-in endpoint would leave them: a device is its keyed
/// hash (32 bytes), the day is the China day of the instant and the hour slot the hour since the epoch.
/// </summary>
public static class CheckinRows
{
    public static readonly TimeSpan China = TimeSpan.FromHours(8);

    public sealed record Row(long StationId, byte[] Device, DateTimeOffset At, string Kind = "visited", short Weight = 1)
    {
        public DateOnly Day => DateOnly.FromDateTime(At.ToOffset(China).DateTime);

        public long HourSlot => At.ToUnixTimeSeconds() / 3600;
    }

    public static byte[] NewDevice() => RandomNumberGenerator.GetBytes(32);

    /// <summary>An instant in China: <paramref name="day"/> at <paramref name="hour"/>:<paramref name="minute"/>.</summary>
    public static DateTimeOffset At(DateOnly day, int hour, int minute = 0) => new(day.ToDateTime(new TimeOnly(hour, minute)), China);

    public static async Task InsertAsync(NpgsqlDataSource database, IReadOnlyCollection<Row> rows)
    {
        await using var connection = await database.OpenConnectionAsync();
        await InsertAsync(connection, null, rows);
    }

    /// <summary>The rows inserted on a connection of the caller's, in its transaction if it has one.</summary>
    public static async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyCollection<Row> rows)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO checkin (station_id, device_key, kind, amenity, weight, created_at, day, hour_slot)
            SELECT s, d, k, CASE WHEN k = 'amenity_missing' THEN 'hot_water' END, w, c, dy, h
            FROM unnest(@stations, @devices, @kinds, @weights, @created, @days, @hours) AS r(s, d, k, w, c, dy, h)
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<long[]>("stations", [.. rows.Select(r => r.StationId)]));
        command.Parameters.Add(new NpgsqlParameter<byte[][]>("devices", [.. rows.Select(r => r.Device)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("kinds", [.. rows.Select(r => r.Kind)]));
        command.Parameters.Add(new NpgsqlParameter<short[]>("weights", [.. rows.Select(r => r.Weight)]));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("created", [.. rows.Select(r => r.At.ToUniversalTime())]));
        command.Parameters.Add(new NpgsqlParameter("days", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = rows.Select(r => r.Day).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<long[]>("hours", [.. rows.Select(r => r.HourSlot)]));
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A day the retention job has folded: only its count is left.</summary>
    public static async Task FoldAsync(NpgsqlDataSource database, long stationId, DateOnly day, int visits)
    {
        await using var command = database.CreateCommand("INSERT INTO visit_daily (station_id, day, visits) VALUES (@station, @day, @visits)");
        command.Parameters.Add(new NpgsqlParameter<long>("station", stationId));
        command.Parameters.Add(new NpgsqlParameter<DateOnly>("day", day));
        command.Parameters.Add(new NpgsqlParameter<int>("visits", visits));
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Live stations of the demo data, a few per district, ordered by id.</summary>
    public static async Task<IReadOnlyList<(long Id, string District)>> StationsAsync(NpgsqlDataSource database, int perDistrict, int districts)
    {
        await using var command = database.CreateCommand("""
            SELECT id, district FROM (
                SELECT id, district, row_number() OVER (PARTITION BY district ORDER BY id) AS n,
                       dense_rank() OVER (ORDER BY district) AS d
                FROM station WHERE retired_at IS NULL AND district IS NOT NULL
            ) AS ranked
            WHERE n <= @per AND d <= @districts
            ORDER BY id
            """);
        command.Parameters.Add(new NpgsqlParameter<int>("per", perDistrict));
        command.Parameters.Add(new NpgsqlParameter<int>("districts", districts));
        await using var reader = await command.ExecuteReaderAsync();
        var stations = new List<(long, string)>();
        while (await reader.ReadAsync())
        {
            stations.Add((reader.GetInt64(0), reader.GetString(1)));
        }
        return stations;
    }
}
