using StationMap.Import;
using StationMap.DemoData;
using StationMap.Import.Normalising;
using StationMap.Integration.Tests.Infrastructure;
using static StationMap.Integration.Tests.Import.ImportHarness;

namespace StationMap.Integration.Tests.Import;

/// <summary>
/// The merge skips rows whose stored content hash matches; these tests make sure a hash never hides a real
/// difference (a station changed by another writer) and that an unknown hash costs a comparison, not an update.
/// </summary>
public sealed class MergeContentHashTests(DemoDatabase database) : ImportFolderTests(database)
{
    private async Task<(string Source, string Path)> ImportedAsync(int count)
    {
        var source = NewSource("hash");
        var path = Path.Combine(Folder, source + ".csv");
        DemoFiles.WriteCsv(StationGenerator.Generate(count, 5, GeneratorRegion.Beijing), path, CoordinateSystem.Wgs84);
        var first = await Import(path, source);
        Assert.Equal(count, first.Report.Inserted);
        return (source, path);
    }

    private Task<ImportResult> Import(string path, string source) =>
        ImportAsync(Database.DataSources.Write, new ImportOptions { FilePath = path, Source = source, Mode = ImportMode.Full });

    private async Task ExecuteAsync(string sql, string source)
    {
        await using var command = Database.DataSources.Write.CreateCommand(sql);
        command.Parameters.AddWithValue("s", source);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_station_changed_by_another_writer_is_put_back_by_the_next_import()
    {
        var (source, path) = await ImportedAsync(200);
        await ExecuteAsync("UPDATE station SET name = 'edited by hand' WHERE source = @s AND external_id = (SELECT min(external_id) FROM station WHERE source = @s)", source);

        var again = await Import(path, source);

        Assert.Equal(1, again.Report.Updated);
        Assert.Equal(199, again.Report.Unchanged);
        Assert.Equal(0, await CountAsync(Database.DataSources.Write, "SELECT count(*) FROM station WHERE source = @s AND name = 'edited by hand'", ("s", source)));
        AssertCountsAddUp(again);
    }

    [Fact]
    public async Task Stations_without_a_hash_are_compared_in_full_then_hashed_and_not_updated()
    {
        var (source, path) = await ImportedAsync(150);
        await ExecuteAsync("UPDATE station SET content_hash = NULL WHERE source = @s", source);
        var before = await StationsHashAsync(Database.DataSources.Write);

        var again = await Import(path, source);

        Assert.Equal(0, again.Report.Updated + again.Report.Inserted);
        Assert.Equal(150, again.Report.Unchanged);
        Assert.Equal(0, await CountAsync(Database.DataSources.Write, "SELECT count(*) FROM station WHERE source = @s AND content_hash IS NULL", ("s", source)));
        // Nothing but the hash moved (no updated_at either): with the hashes cleared again the rows are byte-for-byte as before.
        await ExecuteAsync("UPDATE station SET content_hash = NULL WHERE source = @s", source);
        Assert.Equal(before, await StationsHashAsync(Database.DataSources.Write));
    }

    [Fact]
    public async Task A_retired_station_with_unchanged_content_comes_back_when_the_file_has_it_again()
    {
        var (source, path) = await ImportedAsync(100);
        await ExecuteAsync("UPDATE station SET retired_at = now() WHERE source = @s AND external_id = (SELECT min(external_id) FROM station WHERE source = @s)", source);

        var again = await Import(path, source);

        Assert.Equal(1, again.Report.Updated);
        Assert.Equal(0, await CountAsync(Database.DataSources.Write, "SELECT count(*) FROM station WHERE source = @s AND retired_at IS NOT NULL", ("s", source)));
    }

    [Fact]
    public async Task A_row_with_a_warning_is_normalised_and_reported_again_on_every_import()
    {
        var source = NewSource("warn");
        var path = Path.Combine(Folder, source + ".csv");
        await File.WriteAllTextAsync(path, """
            external_id,name,kind,lat,lon,opening_hours
            w1,前门驿站,warm_station,39.90,116.39,Mo-Fr 09:00-17:00
            w2,东单驿站,warm_station,39.91,116.41,夏季 07:00-19:00
            """);

        var first = await Import(path, source);
        var again = await Import(path, source);

        Assert.Equal(2, first.Report.Inserted);
        Assert.Equal(1, first.Report.Warnings);
        Assert.Equal(2, again.Report.Unchanged);
        Assert.Equal(1, again.Report.Warnings);
        Assert.Contains(again.Report.Issues, i => i.ExternalId == "w2" && i.Field == "opening_hours");
    }
}
