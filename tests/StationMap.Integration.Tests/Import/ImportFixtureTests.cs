using StationMap.Domain.Queries;
using StationMap.Import;
using StationMap.Import.Reporting;
using StationMap.Integration.Tests.Infrastructure;
using static StationMap.Integration.Tests.Import.ImportHarness;

namespace StationMap.Integration.Tests.Import;

/// <summary>Every fixture, good and bad: the status, the counts (which always add up) and that bad input changes nothing.</summary>
public sealed class ImportFixtureTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private static readonly BoundingBox Beijing = new(115.4, 39.4, 117.5, 41.1);

    public static TheoryData<string, InputFormat, string, ImportStatus, long, long, long, long> Fixtures => new()
    {
        // file, format, encoding, status, rows read, inserted, rejected, warnings
        { "stations_zh.csv", InputFormat.Csv, "utf-8", ImportStatus.Succeeded, 4, 4, 0, 1 },
        { "stations_gbk.csv", InputFormat.Csv, "gbk", ImportStatus.Succeeded, 4, 4, 0, 1 },
        { "stations_gbk.csv", InputFormat.Csv, "utf-8", ImportStatus.InvalidInput, 0, 0, 0, 0 },
        { "stations_bom.csv", InputFormat.Csv, "utf-8", ImportStatus.Succeeded, 2, 2, 0, 0 },
        { "bad_rows.csv", InputFormat.Csv, "utf-8", ImportStatus.Partial, 10, 2, 8, 0 },
        { "missing_columns.csv", InputFormat.Csv, "utf-8", ImportStatus.InvalidInput, 0, 0, 0, 0 },
        { "empty.csv", InputFormat.Csv, "utf-8", ImportStatus.InvalidInput, 0, 0, 0, 0 },
        { "header_only.csv", InputFormat.Csv, "utf-8", ImportStatus.Succeeded, 0, 0, 0, 0 },
        { "stations.geojson", InputFormat.GeoJson, "utf-8", ImportStatus.Partial, 5, 3, 2, 0 },
        { "truncated.geojson", InputFormat.GeoJson, "utf-8", ImportStatus.InvalidInput, 1, 0, 0, 0 },
        { "empty_collection.geojson", InputFormat.GeoJson, "utf-8", ImportStatus.Succeeded, 0, 0, 0, 0 },
        { "empty.csv", InputFormat.GeoJson, "utf-8", ImportStatus.InvalidInput, 0, 0, 0, 0 },
        { "stations.osm", InputFormat.Osm, "utf-8", ImportStatus.Partial, 3, 2, 1, 0 },
        { "empty.csv", InputFormat.Osm, "utf-8", ImportStatus.InvalidInput, 0, 0, 0, 0 },
        { "empty.csv", InputFormat.OsmPbf, "utf-8", ImportStatus.InvalidInput, 0, 0, 0, 0 },
        { "stations_zh.csv", InputFormat.Xlsx, "utf-8", ImportStatus.InvalidInput, 0, 0, 0, 0 },
        { "empty.csv", InputFormat.Xlsx, "utf-8", ImportStatus.InvalidInput, 0, 0, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Fixture_ends_with_the_expected_status_and_counts_that_add_up(
        string file, InputFormat format, string encoding, ImportStatus status, long read, long inserted, long rejected, long warnings)
    {
        var source = NewSource("fx");
        var before = await StationsHashAsync(database.DataSources.Write);

        var result = await ImportAsync(database.DataSources.Write, new ImportOptions
        {
            FilePath = Fixture(file), Source = source, Format = format, Encoding = encoding, Region = Beijing,
        });

        Assert.True(status == result.Status, $"{result.Status}: {result.Error}");
        Assert.Equal(read, result.Report.RowsRead);
        Assert.Equal(inserted, result.Report.Inserted);
        Assert.Equal(rejected, result.Report.Rejected);
        Assert.Equal(warnings, result.Report.Warnings);
        AssertCountsAddUp(result);
        Assert.NotNull(result.RunId);
        Assert.Equal(inserted, await CountAsync(database.DataSources.Write, "SELECT count(*) FROM station WHERE source = @s", ("s", source)));
        if (!result.Committed)
        {
            Assert.Equal(before, await StationsHashAsync(database.DataSources.Write));
            Assert.NotNull(result.Error);
        }
        Assert.Equal(status.ToWire(), await ScalarAsync("SELECT status FROM import_run WHERE id = @id", result.RunId!.Value));
    }

    [Fact]
    public async Task Bad_rows_are_reported_with_line_field_value_and_reason()
    {
        var result = await ImportAsync(database.DataSources.Write, new ImportOptions
        {
            FilePath = Fixture("bad_rows.csv"), Source = NewSource("bad"), Region = Beijing,
        });

        var rejections = result.Report.Issues.Where(i => i.Outcome == RowOutcome.Rejected).ToList();
        void Has(long line, string field, string? value, string reason) =>
            Assert.Contains(rejections, i => i.Position == line && i.Field == field && i.Value == value && i.Reason.Contains(reason, StringComparison.Ordinal));

        Assert.Equal("line", result.Report.PositionName);
        Has(3, "external_id", null, "is required");
        Has(4, "name", null, "is required");
        Has(5, "lat", "abc", "not a number");
        Has(6, "lon", "196.40", "out of range");
        Has(7, "lat", "116.40", "swapped");
        Has(8, "kind", "bakery", "unknown kind");
        Has(10, "external_id", "OK-1", "already on line 2");
        Has(11, "lat,lon", "31.23,121.47", "outside the declared region");
        Assert.Equal(8, rejections.Select(i => i.Position).Distinct().Count());
    }

    [Fact]
    public async Task Chinese_headers_kinds_amenities_and_hours_are_mapped_and_the_unknown_ones_reported()
    {
        var source = NewSource("zh");
        var result = await ImportAsync(database.DataSources.Write, new ImportOptions { FilePath = Fixture("stations_zh.csv"), Source = source });

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Contains(result.Report.Issues, i => i is { Outcome: RowOutcome.Warning, Position: 3, Field: "amenities", Value: "按摩椅" });
        Assert.DoesNotContain(result.Report.Issues, i => i.Field == "opening_hours");

        await using var command = database.DataSources.Write.CreateCommand(
            "SELECT external_id, kind, amenities, opening_hours, opening_hours_original FROM station WHERE source = @s ORDER BY external_id");
        command.Parameters.AddWithValue("s", source);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string Id, string Kind, string[] Amenities, string? Hours, string? Original)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetFieldValue<string[]>(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        Assert.Equal(["warm_station", "warm_station", "workers_home", "checkpoint_rest_stop"], rows.Select(r => r.Kind));
        Assert.Equal(["drinking_water", "hot_water", "microwave", "phone_charging"], rows[0].Amenities);
        // Chinese hours are stored as opening_hours, with the list's own words beside them; OSM syntax as given.
        Assert.Equal(("24/7", "24小时"), (rows[0].Hours, rows[0].Original));
        Assert.Equal(("Mo-Fr 08:00-20:00", null), (rows[1].Hours, rows[1].Original));
        Assert.Equal(["toilet", "seating"], rows[1].Amenities.Where(a => a != "drinking_water"));
        Assert.Equal(["air_conditioning", "heating", "first_aid", "wifi"], rows[2].Amenities);
        Assert.Equal(("08:00-20:00", "早8点至晚8点"), (rows[2].Hours, rows[2].Original));
        Assert.Contains("truck_parking", rows[3].Amenities);
    }

    [Fact]
    public async Task Gcj02_input_is_stored_as_wgs84()
    {
        var source = NewSource("gcj");
        // Tiananmen: WGS-84 39.9087, 116.3975 is about 39.9101, 116.4037 in GCJ-02.
        var file = Path.Combine(Path.GetTempPath(), source + ".csv");
        await File.WriteAllTextAsync(file, "id,name,kind,lat,lon\nT-1,Tiananmen,warm_station,39.910114,116.403740\n");
        try
        {
            var result = await ImportAsync(database.DataSources.Write, new ImportOptions
            {
                FilePath = file, Source = source, Crs = StationMap.Import.Normalising.CoordinateSystem.Gcj02,
            });
            Assert.Equal(ImportStatus.Succeeded, result.Status);
            await using var command = database.DataSources.Write.CreateCommand(
                "SELECT ST_Y(location), ST_X(location) FROM station WHERE source = @s");
            command.Parameters.AddWithValue("s", source);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal(39.9087, reader.GetDouble(0), 0.0005);
            Assert.Equal(116.3975, reader.GetDouble(1), 0.0005);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<string> ScalarAsync(string sql, long id)
    {
        await using var command = database.DataSources.Write.CreateCommand(sql);
        command.Parameters.AddWithValue("id", id);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
