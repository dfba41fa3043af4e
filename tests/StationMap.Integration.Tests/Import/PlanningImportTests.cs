using StationMap.Domain.Geo;
using StationMap.Import;
using StationMap.Import.Normalising;
using StationMap.Import.Reporting;
using StationMap.Integration.Tests.Infrastructure;
using static StationMap.Integration.Tests.Import.ImportHarness;

namespace StationMap.Integration.Tests.Import;

/// <summary><c>--target demand|candidates</c>: the same pipeline, row-numbered problems and datum conversion as stations.</summary>
public sealed class PlanningImportTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task Demand_with_chinese_headers_is_converted_and_bad_rows_are_reported_by_line()
    {
        var source = NewSource("demand");
        var result = await ImportAsync(database.DataSources.Write, new ImportOptions
        {
            FilePath = Fixture("demand_zh.csv"), Source = source, Target = ImportTarget.Demand, Crs = CoordinateSystem.Gcj02,
        });

        Assert.Equal(ImportStatus.Partial, result.Status);
        Assert.Equal(2, result.Report.Inserted);
        AssertCountsAddUp(result);
        var rejected = result.Report.Issues.Where(i => i.Outcome == RowOutcome.Rejected).Select(i => (i.Position, i.Field)).ToList();
        Assert.Equal([(4L, "weight"), (5L, "weight"), (6L, "layer"), (7L, "external_id"), (8L, "lon")], rejected);

        await using var command = database.DataSources.Read.CreateCommand(
            "SELECT layer, weight, district, ST_Y(location), ST_X(location) FROM demand_point WHERE source = @source AND external_id = 'f1'");
        command.Parameters.AddWithValue("source", source);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("freight_drivers", reader.GetString(0));
        Assert.Equal(25, reader.GetDouble(1));
        Assert.Equal("房山区", reader.GetString(2));
        var expected = ChinaCoordinates.Gcj02ToWgs84(new LatLon(39.7290, 116.1423));
        Assert.Equal(expected.Lat, reader.GetDouble(3), 9);
        Assert.Equal(expected.Lon, reader.GetDouble(4), 9);
    }

    [Fact]
    public async Task A_default_layer_fills_rows_without_one_and_a_reimport_changes_nothing()
    {
        var source = NewSource("demand");
        var options = new ImportOptions { FilePath = Fixture("demand_zh.csv"), Source = source, Target = ImportTarget.Demand, DefaultLayer = "freight_drivers" };
        var first = await ImportAsync(database.DataSources.Write, options);
        Assert.Equal(3, first.Report.Inserted);

        var again = await ImportAsync(database.DataSources.Write, options);
        Assert.Equal(0, again.Report.Inserted + again.Report.Updated);
        Assert.Equal(3, again.Report.Unchanged);
        Assert.Equal(3, await CountAsync(database.DataSources.Read, "SELECT count(*) FROM demand_point WHERE source = @s", ("s", source)));
    }

    [Fact]
    public async Task Candidates_take_the_type_column_as_host_type_and_warn_about_a_bad_capacity()
    {
        var source = NewSource("cand");
        var result = await ImportAsync(database.DataSources.Write, new ImportOptions
        {
            FilePath = Fixture("candidates.geojson"), Source = source, Target = ImportTarget.Candidates, Format = InputFormat.GeoJson,
        });

        Assert.Equal(2, result.Report.Inserted);
        var issues = result.Report.Issues.Select(i => (i.Outcome, i.Position, i.Field)).ToList();
        Assert.Equal([(RowOutcome.Warning, 1L, "capacity"), (RowOutcome.Rejected, 2L, "host_type")], issues);
        Assert.Equal(1, await CountAsync(database.DataSources.Read,
            "SELECT count(*) FROM candidate_site WHERE source = @s AND external_id = 'c1' AND host_type = 'bank_branch' AND capacity = 8", ("s", source)));
        Assert.Equal(1, await CountAsync(database.DataSources.Read,
            "SELECT count(*) FROM candidate_site WHERE source = @s AND external_id = 'c2' AND host_type = 'supermarket' AND capacity IS NULL", ("s", source)));
    }

    [Fact]
    public async Task A_full_import_deletes_the_sources_rows_missing_from_the_file()
    {
        var source = NewSource("cand");
        var options = new ImportOptions { FilePath = Fixture("candidates.geojson"), Source = source, Target = ImportTarget.Candidates, Format = InputFormat.GeoJson };
        await ImportAsync(database.DataSources.Write, options);
        await using (var extra = database.DataSources.Write.CreateCommand(
            "INSERT INTO candidate_site (source, external_id, host_type, name, location) VALUES (@s, 'gone', 'restaurant', 'x', ST_SetSRID(ST_MakePoint(116, 39.7), 4326))"))
        {
            extra.Parameters.AddWithValue("s", source);
            await extra.ExecuteNonQueryAsync();
        }

        var full = await ImportAsync(database.DataSources.Write, options with { Mode = ImportMode.Full });

        Assert.Equal(1, full.Report.Retired);
        Assert.Equal(2, await CountAsync(database.DataSources.Read, "SELECT count(*) FROM candidate_site WHERE source = @s", ("s", source)));
    }

    [Fact]
    public async Task A_changed_demand_point_is_updated_at_its_line_and_only_a_full_import_deletes_the_missing()
    {
        var source = NewSource("demand");
        var file = Path.Combine(Path.GetTempPath(), source + ".csv");
        await File.WriteAllTextAsync(file, "id,name,layer,weight,lat,lon\nd1,甲,couriers,10,39.70,116.10\nd2,乙,couriers,20,39.71,116.11\n");
        var options = new ImportOptions { FilePath = file, Source = source, Target = ImportTarget.Demand };
        Assert.Equal(2, (await ImportAsync(database.DataSources.Write, options)).Report.Inserted);

        await File.WriteAllTextAsync(file, "id,name,layer,weight,lat,lon\nd2,乙,couriers,25,39.71,116.11\n");
        var incremental = await ImportAsync(database.DataSources.Write, options);
        var change = Assert.Single(incremental.Report.Changes);
        Assert.Equal((RowOutcome.Updated, 2L, "d2"), (change.Outcome, change.Position, change.ExternalId));
        Assert.Equal(0, incremental.Report.Retired);
        Assert.Equal(2, await CountAsync(database.DataSources.Read, "SELECT count(*) FROM demand_point WHERE source = @s", ("s", source)));

        var full = await ImportAsync(database.DataSources.Write, options with { Mode = ImportMode.Full });
        Assert.Equal((0L, 1L, 1L), (full.Report.Updated, full.Report.Unchanged, full.Report.Retired));
        Assert.Equal(1, await CountAsync(database.DataSources.Read,
            "SELECT count(*) FROM demand_point WHERE source = @s AND external_id = 'd2' AND weight = 25", ("s", source)));
        Assert.Equal(1, await CountAsync(database.DataSources.Read, "SELECT count(*) FROM demand_point WHERE source = @s", ("s", source)));
        File.Delete(file);
    }

    [Fact]
    public async Task The_demo_has_fangshans_freight_companies_weighted_by_their_drivers()
    {
        Assert.Equal(871, await CountAsync(database.DataSources.Read,
            "SELECT count(*) FROM demand_point WHERE source = 'demo' AND layer = 'freight_drivers' AND district = '房山区'"));
        Assert.Equal(16_136, await CountAsync(database.DataSources.Read,
            "SELECT sum(weight)::bigint FROM demand_point WHERE source = 'demo' AND layer = 'freight_drivers'"));
        Assert.Equal(5, await CountAsync(database.DataSources.Read, "SELECT count(DISTINCT host_type) FROM candidate_site WHERE source = 'demo'"));
    }
}
