using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using StationMap.DemoData;
using StationMap.Import;
using StationMap.Import.Reporting;
using StationMap.Integration.Tests.Infrastructure;
using StationMap.Store.Operators;
using static StationMap.Integration.Tests.Import.ImportHarness;

namespace StationMap.Integration.Tests.Exports;

/// <summary>
/// The exports re-import unchanged: every imported station exported as CSV, .xlsx or GeoJSON and imported again under
/// its source (full mode, so a missing station would be retired) is unchanged, and the store holds the same stations.
/// GDAL reads the workbook too, and a workbook edited by openpyxl re-imports as exactly its edits.
/// </summary>
public sealed class ExportRoundTripTests(DemoDatabase database) : DemoApiTests(database)
{
    private const int DemoStations = 3_000;

    private string _folder = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _folder = Directory.CreateTempSubdirectory("stationmap-export-").FullName;
        var key = await Factory.Services.GetRequiredService<OperatorKeys>().CreateAsync($"export-{Guid.NewGuid():N}", "operator", CancellationToken.None);
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
    }

    public override async Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        await base.DisposeAsync();
    }

    [Theory]
    [InlineData("csv", InputFormat.Csv, "text/csv")]
    [InlineData("xlsx", InputFormat.Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("geojson", InputFormat.GeoJson, "application/geo+json")]
    public async Task An_export_of_every_station_reimports_all_unchanged(string extension, InputFormat format, string contentType)
    {
        var source = await ImportedCopyOfTheDemoAsync();
        var before = await StationContentsAsync(Database.DataSources.Write, source);
        var file = await ExportAsync($"/api/exports/stations.{extension}?source={source}", extension, contentType);

        var result = await ImportAsync(Database.DataSources.Write, new ImportOptions
        {
            FilePath = file, Source = source, Format = format, Mode = ImportMode.Full,
        });

        Assert.True(result.Error is null, result.Error);
        Assert.Equal(DemoStations, before.Count);
        Assert.Equal((DemoStations, 0L, 0L, DemoStations, 0L, 0L),
            (result.Report.RowsRead, result.Report.Inserted, result.Report.Updated, result.Report.Unchanged, result.Report.Rejected, result.Report.Retired));
        Assert.Equal(before, await StationContentsAsync(Database.DataSources.Write, source));
    }

    [Theory]
    [InlineData("csv", InputFormat.Csv, "text/csv")]
    [InlineData("xlsx", InputFormat.Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("geojson", InputFormat.GeoJson, "application/geo+json")]
    public async Task Texts_that_look_like_formulas_or_markup_survive_the_round_trip(string extension, InputFormat format, string contentType)
    {
        var source = NewSource("texts");
        var csv = Path.Combine(_folder, "texts.csv");
        await File.WriteAllTextAsync(csv, """"
            external_id,name,kind,lat,lon,phone,host,address
            F-1,"=HYPERLINK(""http://example.org"",""点我"")",warm_station,39.9,116.4,+86 10 6511 0001,-host-,@地址
            F-2,<b>&amp; 驿站</b> ]]>,workers_home,39.91,116.41,'=1+1,,"地址, 带逗号 ""引号"""
            """");
        var first = await ImportAsync(Database.DataSources.Write, new ImportOptions { FilePath = csv, Source = source, Format = InputFormat.Csv });
        Assert.Equal(2, first.Report.Inserted);
        var before = await StationContentsAsync(Database.DataSources.Write, source);
        var file = await ExportAsync($"/api/exports/stations.{extension}?source={source}", extension, contentType);

        var again = await ImportAsync(Database.DataSources.Write, new ImportOptions { FilePath = file, Source = source, Format = format, Mode = ImportMode.Full });

        Assert.Equal((2L, 0L, 0L, 2L), (again.Report.RowsRead, again.Report.Inserted, again.Report.Updated, again.Report.Unchanged));
        Assert.Equal(before, await StationContentsAsync(Database.DataSources.Write, source));
        Assert.Contains("=HYPERLINK", before[0], StringComparison.Ordinal);
        if (extension == "csv")
        {
            // The formula guard: no spreadsheet opening the CSV runs the name.
            Assert.Contains("\"'=HYPERLINK(", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_demo_written_around_the_importer_reimports_with_only_its_hours_read()
    {
        // The demo loader writes stations straight into the store: its Chinese hours (全天开放) stay as text, where the
        // importer stores opening_hours syntax and keeps the text beside it. Nothing else changes.
        var file = await ExportAsync("/api/exports/stations.csv?source=demo", "csv", "text/csv");
        var copy = NewSource("demo-copy");

        var result = await ImportAsync(Database.DataSources.Write, new ImportOptions { FilePath = file, Source = copy, Format = InputFormat.Csv });

        Assert.Equal((DemoStations, DemoStations, 0L), (result.Report.RowsRead, result.Report.Inserted, result.Report.Rejected));
        var differing = await CountAsync(Database.DataSources.Write, """
            SELECT count(*) FROM station d JOIN station c ON c.external_id = d.external_id AND c.source = @copy
            WHERE d.source = 'demo'
              AND (d.kind, d.name, d.address, d.district, d.location, d.amenities, d.truck_parking_spaces,
                   d.max_vehicle_length_m, d.hazmat_allowed, d.phone, d.host, coalesce(d.opening_hours_original, d.opening_hours))
                  IS DISTINCT FROM
                  (c.kind, c.name, c.address, c.district, c.location, c.amenities, c.truck_parking_spaces,
                   c.max_vehicle_length_m, c.hazmat_allowed, c.phone, c.host, coalesce(c.opening_hours_original, c.opening_hours))
            """, ("copy", copy));
        Assert.Equal(0, differing);
    }

    [Fact]
    public async Task Gdal_reads_every_station_of_the_workbook()
    {
        var file = await ExportAsync("/api/exports/stations.xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        var info = await ExternalTool.RunAsync("ogrinfo", "gdal-bin", "-ro", "-al", "-so", file);

        Assert.Contains("Layer name: stations", info, StringComparison.Ordinal);
        Assert.Contains($"Feature Count: {await LiveStationsAsync("")}", info, StringComparison.Ordinal);
        Assert.Contains("external_id: String", info, StringComparison.Ordinal);
        Assert.Contains("lat: Real", info, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workbook_edited_in_another_program_reimports_as_its_edits()
    {
        var source = await ImportedCopyOfTheDemoAsync();
        var exported = await ExportAsync($"/api/exports/stations.xlsx?source={source}", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var edited = Path.Combine(_folder, "edited.xlsx");
        await ExternalTool.RunAsync("/usr/bin/python3", "python3-openpyxl", Fixture("edit_export.py"), exported, edited);

        var result = await ImportAsync(Database.DataSources.Write, new ImportOptions
        {
            FilePath = edited, Source = source, Format = InputFormat.Xlsx, Mode = ImportMode.Full,
        });

        Assert.True(result.Error is null, result.Error);
        Assert.Equal((DemoStations + 1L, 1L, 1L, DemoStations - 1L, 0L, 0L),
            (result.Report.RowsRead, result.Report.Inserted, result.Report.Updated, result.Report.Unchanged, result.Report.Rejected, result.Report.Retired));
        Assert.Single(result.Report.Changes, c => c is { Outcome: RowOutcome.Updated, Position: 2 });
        Assert.Single(result.Report.Changes, c => c is { Outcome: RowOutcome.Inserted, ExternalId: "NEW-001", Position: DemoStations + 2 });
        Assert.Equal(1, await CountAsync(Database.DataSources.Write,
            "SELECT count(*) FROM station WHERE source = @s AND name LIKE '%（已更新）'", ("s", source)));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    [InlineData("geojson")]
    public async Task A_district_and_kind_filter_exports_exactly_those_stations(string extension)
    {
        var expected = await LiveStationsAsync("AND source = 'demo' AND district = '朝阳区' AND kind = 'workers_home'");
        var response = await Client.GetAsync($"/api/exports/stations.{extension}?source=demo&district=朝阳区&kind=workers_home");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("stations-demo-朝阳区-workers_home", response.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        var file = Path.Combine(_folder, $"filtered.{extension}");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        var source = NewSource("filtered");

        var result = await ImportAsync(Database.DataSources.Write, new ImportOptions
        {
            FilePath = file, Source = source, Format = InputFormats.FromFileName(file)!.Value,
        });

        Assert.True(expected > 10, $"{expected} stations: too few for the test to say anything");
        Assert.Equal((expected, expected), (result.Report.RowsRead, result.Report.Inserted));
        Assert.Equal(expected, await CountAsync(Database.DataSources.Write,
            "SELECT count(*) FROM station WHERE source = @s AND district = '朝阳区' AND kind = 'workers_home'", ("s", source)));
    }

    [Theory]
    [InlineData("kind=bakery", "kind")]
    [InlineData("kind=warm_station&kind=workers_home", "kind")]
    [InlineData("district=%00", "district")]
    [InlineData("source=%FF", "source")]
    [InlineData("bbox=1,2,3,4", "bbox")]
    public async Task A_bad_parameter_is_a_problem_naming_it(string query, string field)
    {
        foreach (var extension in new[] { "csv", "xlsx", "geojson" })
        {
            await Problems.AssertNamesFieldAsync(
                await Client.GetAsync($"/api/exports/stations.{extension}?{query}"), HttpStatusCode.BadRequest, field);
        }
    }

    [Fact]
    public async Task A_district_too_long_is_a_problem_naming_it()
    {
        await Problems.AssertNamesFieldAsync(
            await Client.GetAsync($"/api/exports/stations.csv?district={new string('区', 201)}"), HttpStatusCode.BadRequest, "district");
    }

    // The demo's stations as the importer stores them, under a source of this test's own (the tests change them).
    private async Task<string> ImportedCopyOfTheDemoAsync()
    {
        var source = NewSource("copy");
        var demo = await ExportAsync("/api/exports/stations.csv?source=demo", "csv", "text/csv");
        var copied = await ImportAsync(Database.DataSources.Write, new ImportOptions { FilePath = demo, Source = source, Format = InputFormat.Csv });
        Assert.Equal(DemoStations, copied.Report.Inserted);
        return source;
    }

    private async Task<string> ExportAsync(string url, string extension, string contentType)
    {
        using var response = await Client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentLength);
        var file = Path.Combine(_folder, $"export-{Guid.NewGuid():N}.{extension}");
        await using (var target = File.Create(file))
        {
            await response.Content.CopyToAsync(target);
        }
        return file;
    }

    private Task<long> LiveStationsAsync(string where) =>
        CountAsync(Database.DataSources.Write, $"SELECT count(*) FROM station WHERE retired_at IS NULL {where}");
}
