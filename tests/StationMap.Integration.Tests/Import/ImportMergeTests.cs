using StationMap.Import;
using StationMap.DemoData;
using StationMap.Import.Normalising;
using StationMap.Integration.Tests.Infrastructure;
using static StationMap.Integration.Tests.Import.ImportHarness;

namespace StationMap.Integration.Tests.Import;

/// <summary>Re-imports, updates, full and incremental modes, strict mode and dry runs against the real store.</summary>
public sealed class ImportMergeTests(DemoDatabase database) : ImportFolderTests(database)
{
    private string Generated(string name, int count, int seed = 11, CoordinateSystem crs = CoordinateSystem.Gcj02)
    {
        var path = Path.Combine(Folder, name);
        DemoFiles.WriteCsv(StationGenerator.Generate(count, seed, GeneratorRegion.Beijing), path, crs);
        return path;
    }

    private Task<ImportResult> Import(string path, string source, ImportMode mode = ImportMode.Incremental, bool dryRun = false, bool strict = false) =>
        ImportAsync(Database.DataSources.Write, new ImportOptions
        {
            FilePath = path, Source = source, Crs = CoordinateSystem.Gcj02, Mode = mode, DryRun = dryRun, Strict = strict,
            Format = path.EndsWith(".geojson", StringComparison.Ordinal) ? InputFormat.GeoJson : InputFormat.Csv,
        });

    [Theory]
    [InlineData("csv")]
    [InlineData("geojson")]
    public async Task The_same_file_twice_inserts_then_changes_nothing(string format)
    {
        var source = NewSource("idem");
        var path = Path.Combine(Folder, "idem." + format);
        var records = StationGenerator.Generate(500, 3, GeneratorRegion.Beijing);
        if (format == "csv")
        {
            DemoFiles.WriteCsv(records, path, CoordinateSystem.Gcj02);
        }
        else
        {
            DemoFiles.WriteGeoJson(records, path, CoordinateSystem.Gcj02);
        }

        var first = await Import(path, source);
        var hash = await StationsHashAsync(Database.DataSources.Write);
        var second = await Import(path, source);

        Assert.Equal((500L, 500L, 0L), (first.Report.RowsRead, first.Report.Inserted, first.Report.Rejected));
        Assert.Equal((0L, 0L, 500L), (second.Report.Inserted, second.Report.Updated, second.Report.Unchanged));
        Assert.Equal(hash, await StationsHashAsync(Database.DataSources.Write));
        Assert.Equal(first.FileSha256, second.FileSha256);
        AssertCountsAddUp(first);
        AssertCountsAddUp(second);
        // CSV positions are lines (the header is line 1); GeoJSON positions are feature indexes from 0.
        var offset = format == "csv" ? -1 : 1;
        Assert.All(first.Report.Changes, c => Assert.Equal($"gen-{c.Position + offset:D7}", c.ExternalId));
    }

    [Fact]
    public async Task One_changed_field_updates_exactly_that_row()
    {
        var source = NewSource("upd");
        var path = Generated("upd.csv", 200);
        await Import(path, source);
        var lines = await File.ReadAllLinesAsync(path);
        lines[43] = lines[43].Replace("gen-0000043,", "gen-0000043,改 ", StringComparison.Ordinal);
        var changed = Path.Combine(Folder, "upd2.csv");
        await File.WriteAllLinesAsync(changed, lines);

        var result = await Import(changed, source);

        Assert.Equal((0L, 1L, 199L), (result.Report.Inserted, result.Report.Updated, result.Report.Unchanged));
        var change = Assert.Single(result.Report.Changes);
        Assert.Equal(44, change.Position);
        Assert.Equal("gen-0000043", change.ExternalId);
    }

    [Fact]
    public async Task Full_mode_retires_missing_stations_and_incremental_leaves_them()
    {
        var source = NewSource("full");
        await Import(Generated("all.csv", 100), source, ImportMode.Full);
        var fewer = Generated("fewer.csv", 80);

        var incremental = await Import(fewer, source, ImportMode.Incremental);
        Assert.Equal(0, incremental.Report.Retired);
        Assert.Equal(0, await CountAsync(Database.DataSources.Write,
            "SELECT count(*) FROM station WHERE source = @s AND retired_at IS NOT NULL", ("s", source)));

        var full = await Import(fewer, source, ImportMode.Full);
        Assert.Equal(20, full.Report.Retired);
        Assert.Equal((0L, 0L, 80L), (full.Report.Inserted, full.Report.Updated, full.Report.Unchanged));
        Assert.Equal(20, await CountAsync(Database.DataSources.Write,
            "SELECT count(*) FROM station WHERE source = @s AND retired_at IS NOT NULL", ("s", source)));
        Assert.Equal(100, await CountAsync(Database.DataSources.Write, "SELECT count(*) FROM station WHERE source = @s", ("s", source)));

        // Back in a later file: revived, counted as updated.
        var again = await Import(Generated("all2.csv", 100), source, ImportMode.Full);
        Assert.Equal((0L, 20L, 80L, 0L), (again.Report.Inserted, again.Report.Updated, again.Report.Unchanged, again.Report.Retired));
    }

    [Fact]
    public async Task Full_mode_with_no_accepted_row_retires_nothing()
    {
        var source = NewSource("fullzero");
        await Import(Generated("some.csv", 10), source, ImportMode.Full);
        var before = await StationsHashAsync(Database.DataSources.Write);

        var result = await Import(Fixture("header_only.csv"), source, ImportMode.Full);

        Assert.Equal(ImportStatus.InvalidInput, result.Status);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(before, await StationsHashAsync(Database.DataSources.Write));
    }

    [Fact]
    public async Task Strict_mode_commits_nothing_when_a_row_is_rejected()
    {
        var before = await StationsHashAsync(Database.DataSources.Write);

        var result = await Import(Fixture("bad_rows.csv"), NewSource("strict"), strict: true);

        Assert.Equal(ImportStatus.Rejected, result.Status);
        Assert.Equal(2, result.ExitCode);
        // Without a declared region the Shanghai row is fine: 7 of the 8 bad rows.
        Assert.Equal(7, result.Report.Rejected);
        AssertCountsAddUp(result);
        Assert.Equal(before, await StationsHashAsync(Database.DataSources.Write));
    }

    [Fact]
    public async Task Strict_mode_commits_a_clean_file()
    {
        var result = await Import(Generated("clean.csv", 50), NewSource("strictok"), strict: true);
        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal(50, result.Report.Inserted);
    }

    [Fact]
    public async Task Dry_run_reports_what_would_happen_and_changes_no_station()
    {
        var source = NewSource("dry");
        var path = Generated("dry.csv", 120);
        var before = await StationsHashAsync(Database.DataSources.Write);

        var result = await Import(path, source, dryRun: true);

        Assert.Equal(ImportStatus.DryRun, result.Status);
        Assert.Equal(120, result.Report.Inserted);
        Assert.False(result.Committed);
        Assert.Equal(before, await StationsHashAsync(Database.DataSources.Write));
        Assert.Equal("dry_run", (string)(await Database.DataSources.Write
            .CreateCommand($"SELECT status FROM import_run WHERE id = {result.RunId}").ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_committed_run_is_recorded_with_checksum_counts_and_report()
    {
        var source = NewSource("rec");
        var result = await Import(Fixture("bad_rows.csv"), source);

        await using var command = Database.DataSources.Write.CreateCommand("""
            SELECT source, file_name, file_sha256, mode, status, rows_read, inserted, rejected, duration_ms >= 0,
                   jsonb_array_length(report -> 'issues'), report ->> 'status'
            FROM import_run WHERE id = @id
            """);
        command.Parameters.AddWithValue("id", result.RunId!.Value);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(source, reader.GetString(0));
        Assert.Equal("bad_rows.csv", reader.GetString(1));
        Assert.Equal(result.FileSha256, reader.GetString(2));
        Assert.Matches("^[0-9a-f]{64}$", reader.GetString(2));
        Assert.Equal("incremental", reader.GetString(3));
        Assert.Equal("partial", reader.GetString(4));
        Assert.Equal((10L, 3L, 7L), (reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7)));
        Assert.True(reader.GetBoolean(8));
        Assert.Equal(7, reader.GetInt32(9));
        Assert.Equal("partial", reader.GetString(10));
    }
}
