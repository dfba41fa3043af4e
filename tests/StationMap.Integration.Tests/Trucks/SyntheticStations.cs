using Npgsql;

namespace StationMap.Integration.Tests.Trucks;

/// <summary>
/// A grid of stations on the open steppe near Baotou (41.0°N 110.0°E), far from the Beijing demo data, so that routes
/// drawn there meet only these stations. Truck attributes vary over the grid: no parking, zero spaces, every bay
/// length (and unknown), hazmat or not.
/// </summary>
internal static class SyntheticStations
{
    public const string Source = "route-test-grid";
    public const double MinLat = 40.98, MinLon = 109.96, Step = 0.004;
    public const int Rows = 31, Columns = 31;

    private static readonly double?[] Lengths = [null, 12, 16.5, 17.5, 18, 22];

    public static async Task InsertAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO station (source, external_id, kind, name, location, truck_parking_spaces, max_vehicle_length_m, hazmat_allowed)
            SELECT @source, 'grid-' || i || '-' || j, 'warm_station', 'grid ' || i || ',' || j,
                   ST_SetSRID(ST_MakePoint(@min_lon + j * @step, @min_lat + i * @step), 4326),
                   CASE WHEN (i * 7 + j) % 4 = 0 THEN NULL ELSE ((i + j) % 5) * 3 END,
                   (@lengths::float8[])[1 + (i * 3 + j) % 6],
                   (i + 2 * j) % 3 = 0
            FROM generate_series(0, @rows - 1) i, generate_series(0, @columns - 1) j
            ON CONFLICT DO NOTHING
            """);
        command.Parameters.AddWithValue("source", Source);
        command.Parameters.AddWithValue("min_lon", MinLon);
        command.Parameters.AddWithValue("min_lat", MinLat);
        command.Parameters.AddWithValue("step", Step);
        command.Parameters.AddWithValue("rows", Rows);
        command.Parameters.AddWithValue("columns", Columns);
        command.Parameters.Add(new NpgsqlParameter<double?[]>("lengths", Lengths));
        await command.ExecuteNonQueryAsync();
    }
}
