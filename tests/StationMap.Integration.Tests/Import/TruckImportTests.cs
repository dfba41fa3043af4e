using StationMap.Domain;
using StationMap.Import;
using StationMap.DemoData;
using StationMap.Import.Normalising;
using StationMap.Import.Reporting;
using StationMap.Integration.Tests.Infrastructure;
using StationMap.Store.Checkpoints;
using static StationMap.Integration.Tests.Import.ImportHarness;

namespace StationMap.Integration.Tests.Import;

/// <summary>Truck columns of station files, and checkpoint files (<c>--target checkpoints</c>).</summary>
public sealed class TruckImportTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task Chinese_truck_columns_are_read_and_bad_values_left_empty_with_a_warning()
    {
        var source = NewSource("truck");
        var file = await WriteAsync(source, """
            编号,名称,类型,纬度,经度,货车车位,最大车长,危化品
            T-1,窦店加油站,暖心驿站,39.655,116.075,30,17.5,是
            T-2,良乡驿站,暖心驿站,39.735,116.138,,,
            T-3,阎村驿站,暖心驿站,39.72,116.095,很多,55,也许
            T-4,琉璃河驿站,暖心驿站,39.59,116.03,0,22,false
            """);
        var result = await ImportAsync(database.DataSources.Write, new ImportOptions { FilePath = file, Source = source });

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal(4, result.Report.Inserted);
        Assert.Equal(
            ["truck_parking_spaces", "max_vehicle_length_m", "hazmat_allowed"],
            result.Report.Issues.Where(i => i is { Outcome: RowOutcome.Warning, Position: 4 }).Select(i => i.Field));
        var rows = await TruckColumnsAsync(source);
        Assert.Equal((30, 17.5, true), rows["T-1"]);
        Assert.Equal((null, null, false), rows["T-2"]);
        Assert.Equal((null, null, false), rows["T-3"]);
        Assert.Equal((0, 22.0, false), rows["T-4"]);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("geojson")]
    public async Task Truck_attributes_of_the_demo_round_trip_through_a_file(string format)
    {
        var source = NewSource("rt");
        var truckStops = BeijingDemo.Stations().Where(s => s.TruckParkingSpaces is not null || s.HazmatAllowed).ToList();
        var sample = truckStops.Concat(BeijingDemo.Stations().Where(s => s.TruckParkingSpaces is null).Take(20)).ToList();
        Assert.True(truckStops.Count > 20);
        var file = Path.Combine(Path.GetTempPath(), $"{source}.{format}");
        try
        {
            if (format == "csv")
            {
                DemoFiles.WriteCsv(sample, file, CoordinateSystem.Wgs84);
            }
            else
            {
                DemoFiles.WriteGeoJson(sample, file, CoordinateSystem.Wgs84);
            }
            var result = await ImportAsync(database.DataSources.Write, new ImportOptions
            {
                FilePath = file, Source = source, Format = format == "csv" ? InputFormat.Csv : InputFormat.GeoJson,
            });
            Assert.Equal(ImportStatus.Succeeded, result.Status);
            var rows = await TruckColumnsAsync(source);
            Assert.Equal(sample.Count, rows.Count);
            Assert.All(sample, s => Assert.Equal((s.TruckParkingSpaces, s.MaxVehicleLengthM, s.HazmatAllowed), rows[s.ExternalId]));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Checkpoints_import_into_their_own_table_and_merge_by_external_id()
    {
        var source = NewSource("cp");
        var file = await WriteAsync(source, """
            编号,名称,纬度,经度,道路,所属区,类型
            CP-1,京港澳高速琉璃河检查站,39.585,116.017,京港澳高速（G4）,房山区,检查站
            CP-2,107国道窦店检查站,39.655,116.075,107国道,房山区,bakery
            CP-3,,39.7,116.1,六环路,房山区,
            CP-4,坐标颠倒检查站,116.1,39.7,,,
            """);
        var stationsBefore = await StationsHashAsync(database.DataSources.Write);
        var options = new ImportOptions { FilePath = file, Source = source, Target = ImportTarget.Checkpoints };

        var first = await ImportAsync(database.DataSources.Write, options);
        Assert.True(first.Status == ImportStatus.Partial, first.Error);
        Assert.Equal((4L, 2L, 2L), (first.Report.RowsRead, first.Report.Inserted, first.Report.Rejected));
        Assert.Equal(stationsBefore, await StationsHashAsync(database.DataSources.Write));
        var stored = (await new CheckpointQueries(database.DataSources).AllAsync(CancellationToken.None)).Where(c => c.Source == source).ToList();
        Assert.Equal(
            [new Checkpoint("CP-1", "京港澳高速琉璃河检查站", "京港澳高速（G4）", "房山区", 39.585, 116.017), new Checkpoint("CP-2", "107国道窦店检查站", "107国道", "房山区", 39.655, 116.075)],
            stored.Select(c => c.Checkpoint).OrderBy(c => c.ExternalId));

        var again = await ImportAsync(database.DataSources.Write, options);
        Assert.Equal((0L, 0L, 2L), (again.Report.Inserted, again.Report.Updated, again.Report.Unchanged));

        await File.WriteAllTextAsync(file, "id,name,lat,lon,road\nCP-2,107国道窦店检查站（北）,39.656,116.075,107国道\n");
        var moved = await ImportAsync(database.DataSources.Write, options);
        Assert.Equal((0L, 1L), (moved.Report.Inserted, moved.Report.Updated));
        var cp2 = (await new CheckpointQueries(database.DataSources).AllAsync(CancellationToken.None)).Single(c => c.Source == source && c.Checkpoint.ExternalId == "CP-2");
        Assert.Equal(("107国道窦店检查站（北）", 39.656, (string?)null), (cp2.Checkpoint.Name, cp2.Checkpoint.Lat, cp2.Checkpoint.District));

        var full = await ImportAsync(database.DataSources.Write, options with { Mode = ImportMode.Full });
        Assert.Equal(ImportStatus.InvalidInput, full.Status);
        Assert.Contains("incrementally", full.Error);
        File.Delete(file);
    }

    [Fact]
    public async Task Checkpoint_changes_are_reported_at_their_lines_and_a_checkpoint_the_file_lacks_is_kept()
    {
        var source = NewSource("cpchg");
        var file = await WriteAsync(source, """
            id,name,lat,lon,road
            CP-A,甲检查站,39.600,116.000,京港澳高速（G4）
            CP-B,乙检查站,39.610,116.010,京昆高速（G5）
            """);
        var options = new ImportOptions { FilePath = file, Source = source, Target = ImportTarget.Checkpoints };

        var first = await ImportAsync(database.DataSources.Write, options);
        Assert.Equal(
            [(RowOutcome.Inserted, 2L, "CP-A"), (RowOutcome.Inserted, 3L, "CP-B")],
            first.Report.Changes.Select(c => (c.Outcome, c.Position, c.ExternalId)).Order());

        await File.WriteAllTextAsync(file, "id,name,lat,lon,road\nCP-C,丙检查站,39.620,116.020,\nCP-B,乙检查站（南）,39.610,116.010,京昆高速（G5）\n");
        var second = await ImportAsync(database.DataSources.Write, options);
        AssertCountsAddUp(second);
        Assert.Equal(
            [(RowOutcome.Inserted, 2L, "CP-C"), (RowOutcome.Updated, 3L, "CP-B")],
            second.Report.Changes.Select(c => (c.Outcome, c.Position, c.ExternalId)).Order());
        Assert.Equal(0, second.Report.Retired);
        Assert.Equal(
            ["CP-A", "CP-B", "CP-C"],
            (await new CheckpointQueries(database.DataSources).AllAsync(CancellationToken.None))
                .Where(c => c.Source == source).Select(c => c.Checkpoint.ExternalId).Order());
        File.Delete(file);
    }

    private static async Task<string> WriteAsync(string source, string csv)
    {
        var file = Path.Combine(Path.GetTempPath(), source + ".csv");
        await File.WriteAllTextAsync(file, csv.Replace("\r\n", "\n") + "\n");
        return file;
    }

    private async Task<Dictionary<string, (int? Spaces, double? Length, bool Hazmat)>> TruckColumnsAsync(string source)
    {
        await using var command = database.DataSources.Write.CreateCommand(
            "SELECT external_id, truck_parking_spaces, max_vehicle_length_m, hazmat_allowed FROM station WHERE source = @s");
        command.Parameters.AddWithValue("s", source);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<string, (int?, double?, bool)>();
        while (await reader.ReadAsync())
        {
            rows[reader.GetString(0)] = (reader.IsDBNull(1) ? null : reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetDouble(2), reader.GetBoolean(3));
        }
        return rows;
    }
}
