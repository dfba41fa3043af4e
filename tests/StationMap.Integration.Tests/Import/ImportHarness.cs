using Npgsql;
using StationMap.Import;

namespace StationMap.Integration.Tests.Import;

/// <summary>Runs the import pipeline on fixtures and reads back what the store holds.</summary>
internal static class ImportHarness
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures", name);

    public static Task<ImportResult> ImportAsync(NpgsqlDataSource dataSource, ImportOptions options, Action<ImportProgress>? progress = null) =>
        ImportPipeline.RunAsync(dataSource, options, progress, TimeProvider.System, CancellationToken.None);

    /// <summary>A full import of warm stations (24/7, drinking water) written as a CSV file, for tests that need a few stations of their own.</summary>
    public static async Task ImportStationsAsync(
        NpgsqlDataSource dataSource, string source, params (string Id, string Name, double Lat, double Lon)[] stations)
    {
        var file = Path.Combine(Path.GetTempPath(), $"{source}-{Guid.NewGuid():N}.csv");
        var lines = new List<string> { "external_id,name,kind,lat,lon,amenities,opening_hours" };
        lines.AddRange(stations.Select(s => string.Create(
            System.Globalization.CultureInfo.InvariantCulture, $"{s.Id},{s.Name.Replace(",", "，")},warm_station,{s.Lat:R},{s.Lon:R},drinking_water,24/7")));
        await File.WriteAllLinesAsync(file, lines);
        try
        {
            var result = await ImportAsync(dataSource, new ImportOptions
            {
                FilePath = file, Source = source, Format = InputFormat.Csv, Mode = ImportMode.Full,
            });
            Assert.True(result.Error is null, result.Error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A fingerprint of every station row (all columns, ids included): equal hashes, byte-for-byte equal rows.</summary>
    public static async Task<string> StationsHashAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT coalesce(md5(string_agg(s::text, E'\\n' ORDER BY s.id)), '') || ':' || count(*) FROM station s");
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// A source's stations as text, one line per station by external id, with every column an import writes (the
    /// coordinates to the last bit): equal lists, equal stations whatever file they came from.
    /// </summary>
    public static async Task<IReadOnlyList<string>> StationContentsAsync(NpgsqlDataSource dataSource, string source)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT ROW(external_id, kind, name, address, district, float8send(ST_X(location)), float8send(ST_Y(location)),
                       amenities, opening_hours, opening_hours_original, truck_parking_spaces, max_vehicle_length_m,
                       hazmat_allowed, phone, host, retired_at IS NULL)::text
            FROM station WHERE source = @source ORDER BY external_id
            """);
        command.Parameters.AddWithValue("source", source);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }
        return lines;
    }

    public static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string NewSource(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    public static void AssertCountsAddUp(ImportResult result)
    {
        var r = result.Report;
        Assert.Equal(r.RowsRead, r.Inserted + r.Updated + r.Unchanged + r.Rejected);
        Assert.True(r.Inserted >= 0 && r.Updated >= 0 && r.Unchanged >= 0 && r.Rejected >= 0);
    }
}
