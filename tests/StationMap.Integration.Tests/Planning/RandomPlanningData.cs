using Npgsql;
using StationMap.Store;

namespace StationMap.Integration.Tests.Planning;

/// <summary>Random demand and stations written straight into a test database, away from the demo data (around Chengdu).</summary>
internal static class RandomPlanningData
{
    public const double CentreLat = 30.66;
    public const double CentreLon = 104.06;

    public static readonly string?[] Districts = ["锦江区", "青羊区", null];

    public static (double Lat, double Lon) Point(Random random, double spanM) =>
        (CentreLat + (random.NextDouble() - 0.5) * spanM / 111_000, CentreLon + (random.NextDouble() - 0.5) * spanM / 96_000);

    /// <summary>Inserts <paramref name="count"/> demand points of a new layer and returns the layer's name.</summary>
    public static async Task<string> InsertDemandAsync(StationDataSources data, int seed, int count, double spanM)
    {
        var layer = $"rand-{seed}-{Guid.NewGuid():N}"[..20];
        var random = new Random(seed);
        await using var batch = data.Write.CreateBatch();
        for (var i = 0; i < count; i++)
        {
            var (lat, lon) = Point(random, spanM);
            var command = new NpgsqlBatchCommand("""
                INSERT INTO demand_point (source, external_id, layer, name, weight, district, location)
                VALUES (@layer, @id, @layer, @id, @weight, @district, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326))
                """);
            command.Parameters.AddWithValue("layer", layer);
            command.Parameters.AddWithValue("id", $"d{i}");
            command.Parameters.AddWithValue("weight", Math.Round(random.NextDouble() * 40, 2));
            command.Parameters.AddWithValue("district", (object?)Districts[random.Next(Districts.Length)] ?? DBNull.Value);
            command.Parameters.AddWithValue("lat", lat);
            command.Parameters.AddWithValue("lon", lon);
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync();
        return layer;
    }

    /// <summary>Inserts stations of every kind, some retired and some suspended (neither of which covers anything).</summary>
    public static async Task InsertStationsAsync(StationDataSources data, int seed, int count, double spanM)
    {
        string[] kinds = ["warm_station", "workers_home", "checkpoint_rest_stop"];
        var random = new Random(seed);
        var source = $"rand-st-{seed}-{Guid.NewGuid():N}"[..24];
        await using var batch = data.Write.CreateBatch();
        for (var i = 0; i < count; i++)
        {
            var (lat, lon) = Point(random, spanM);
            var command = new NpgsqlBatchCommand("""
                INSERT INTO station (source, external_id, kind, name, location, status, retired_at)
                VALUES (@source, @id, @kind, @id, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326), @status, @retired)
                """);
            command.Parameters.AddWithValue("source", source);
            command.Parameters.AddWithValue("id", $"s{i}");
            command.Parameters.AddWithValue("kind", kinds[random.Next(kinds.Length)]);
            command.Parameters.AddWithValue("lat", lat);
            command.Parameters.AddWithValue("lon", lon);
            command.Parameters.AddWithValue("status", random.Next(8) == 0 ? "suspended" : "active");
            command.Parameters.AddWithValue("retired", random.Next(8) == 0 ? DateTimeOffset.UtcNow : DBNull.Value);
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync();
    }

    public sealed record DemandRow(double Lat, double Lon, double Weight, string? District);

    public sealed record StationRow(double Lat, double Lon, string Kind, bool Open);

    public static async Task<List<DemandRow>> DemandAsync(StationDataSources data, string layer)
    {
        await using var command = data.Read.CreateCommand(
            "SELECT ST_Y(location), ST_X(location), weight, district FROM demand_point WHERE layer = @layer");
        command.Parameters.AddWithValue("layer", layer);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<DemandRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new DemandRow(reader.GetDouble(0), reader.GetDouble(1), reader.GetDouble(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }
        return rows;
    }

    public static async Task<List<StationRow>> StationsAsync(StationDataSources data)
    {
        await using var command = data.Read.CreateCommand(
            "SELECT ST_Y(location), ST_X(location), kind, retired_at IS NULL AND status = 'active' FROM station");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<StationRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new StationRow(reader.GetDouble(0), reader.GetDouble(1), reader.GetString(2), reader.GetBoolean(3)));
        }
        return rows;
    }
}
