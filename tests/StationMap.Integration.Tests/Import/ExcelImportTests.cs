using System.Globalization;
using System.Text.RegularExpressions;
using StationMap.Domain.Queries;
using StationMap.Import;
using StationMap.Import.Normalising;
using StationMap.Import.Reporting;
using StationMap.Integration.Tests.Infrastructure;
using static StationMap.Integration.Tests.Import.ImportHarness;

namespace StationMap.Integration.Tests.Import;

/// <summary>
/// Excel workbooks written by independent writers (GDAL's XLSX driver; openpyxl, as a union office's sheet with a
/// title, a two-row merged header, numbers as numbers and as text, merged districts and blank trailing rows) import
/// exactly as their CSV twin: the same stations and the same row-numbered report.
/// </summary>
public sealed partial class ExcelImportTests(DemoDatabase database) : ImportFolderTests(database)
{
    private static readonly BoundingBox Beijing = new(115.4, 39.4, 117.5, 41.1);
    private const string Twin = "excel_twin.csv";

    private Task<ImportResult> Import(string path, InputFormat format, string source, string? sheet = null) =>
        ImportAsync(Database.DataSources.Write, new ImportOptions
        {
            FilePath = path, Source = source, Format = format, Crs = CoordinateSystem.Gcj02, Region = Beijing, Sheet = sheet,
        });

    [Fact]
    public async Task The_csv_twin_has_good_rows_bad_rows_and_an_address_without_coordinates()
    {
        var result = await Import(Fixture(Twin), InputFormat.Csv, NewSource("twin"));

        // What the sheets are compared with is not empty: four stations, five rejections, two warnings.
        Assert.Equal((9L, 4L, 5L, 2L, 1L), (result.Report.RowsRead, result.Report.Inserted, result.Report.Rejected,
            result.Report.Warnings, result.Report.AddressOnly));
        Assert.Contains(result.Report.Issues, i => i is { Position: 4, ExternalId: "BJ-103", Field: "lat,lon", Value: "北京市朝阳区朝阳公园南路1号" }
            && i.Reason.Contains("does not geocode", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sheet_written_by_gdal_imports_as_its_csv_twin()
    {
        var xlsx = Path.Combine(Folder, "twin-gdal.xlsx");
        // GDAL's CSV driver reads every field as text, so every number lands in the sheet stored as text.
        await ExternalTool.RunAsync("ogr2ogr", "gdal-bin", "-f", "XLSX", xlsx, Fixture(Twin));

        await AssertTwinsAsync(xlsx, rowOffset: 0);
    }

    [Fact]
    public async Task A_union_office_sheet_written_by_openpyxl_imports_as_its_csv_twin()
    {
        var xlsx = await OpenpyxlTwinAsync();

        // Its data starts two rows lower than the CSV's (the title row, and the header's second row).
        await AssertTwinsAsync(xlsx, rowOffset: 2);
    }

    [Fact]
    public async Task Another_sheet_is_read_by_name_and_an_unknown_name_lists_the_sheets()
    {
        var xlsx = await OpenpyxlTwinAsync();
        var source = NewSource("sheet");

        var named = await Import(xlsx, InputFormat.Xlsx, source, sheet: "朝阳区");
        var unknown = await Import(xlsx, InputFormat.Xlsx, NewSource("nosheet"), sheet: "海淀区");

        Assert.Equal((1L, 1L), (named.Report.RowsRead, named.Report.Inserted));
        Assert.Equal(2, named.Report.Changes.Single().Position);
        Assert.Single(await StationContentsAsync(Database.DataSources.Write, source), s => s.Contains("CY-1", StringComparison.Ordinal));
        Assert.Equal(ImportStatus.InvalidInput, unknown.Status);
        Assert.Contains("no sheet '海淀区'; its sheets are: 驿站名录, 朝阳区", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_of_addresses_without_coordinate_columns_is_refused_saying_there_is_no_geocoding()
    {
        var csv = Path.Combine(Folder, "addresses.csv");
        await File.WriteAllTextAsync(csv, "编号,站点名称,类型,地址\nA-1,前门 暖心驿站,暖心驿站,北京市东城区前门大街12号\n");

        var result = await Import(csv, InputFormat.Csv, NewSource("addr"));

        Assert.Equal(ImportStatus.InvalidInput, result.Status);
        Assert.Contains("missing required column(s) lat, lon", result.Error, StringComparison.Ordinal);
        Assert.Contains("does not geocode", result.Error, StringComparison.Ordinal);
    }

    private async Task<string> OpenpyxlTwinAsync()
    {
        var xlsx = Path.Combine(Folder, $"twin-openpyxl-{Guid.NewGuid():N}.xlsx");
        // Debian's python3 (openpyxl is its package python3-openpyxl), whatever python3 comes first on the PATH.
        await ExternalTool.RunAsync("/usr/bin/python3", "python3-openpyxl", Fixture("write_twin_sheet.py"), Fixture(Twin), xlsx);
        return xlsx;
    }

    private async Task AssertTwinsAsync(string xlsx, long rowOffset)
    {
        var csvSource = NewSource("csv");
        var xlsxSource = NewSource("xlsx");

        var fromCsv = await Import(Fixture(Twin), InputFormat.Csv, csvSource);
        var fromXlsx = await Import(xlsx, InputFormat.Xlsx, xlsxSource);

        Assert.True(fromXlsx.Error is null, fromXlsx.Error);
        Assert.Equal("row", fromXlsx.Report.PositionName);
        Assert.Equal(
            (fromCsv.Status, fromCsv.Report.RowsRead, fromCsv.Report.Inserted, fromCsv.Report.Rejected, fromCsv.Report.Warnings, fromCsv.Report.AddressOnly),
            (fromXlsx.Status, fromXlsx.Report.RowsRead, fromXlsx.Report.Inserted, fromXlsx.Report.Rejected, fromXlsx.Report.Warnings, fromXlsx.Report.AddressOnly));
        Assert.Equal(Issues(fromCsv, 0), Issues(fromXlsx, rowOffset));
        Assert.Equal(
            fromCsv.Report.Changes.Select(c => (c.Outcome, c.Position, c.ExternalId)).Order(),
            fromXlsx.Report.Changes.Select(c => (c.Outcome, c.Position - rowOffset, c.ExternalId)).Order());
        Assert.Equal(
            await StationContentsAsync(Database.DataSources.Write, csvSource),
            await StationContentsAsync(Database.DataSources.Write, xlsxSource));
    }

    // The report's lines as the CSV import words them: a sheet's rows shifted by the rows the CSV lacks above its data.
    private static List<string> Issues(ImportResult result, long rowOffset) =>
        [.. result.Report.Issues.Select(i => string.Create(CultureInfo.InvariantCulture,
            $"{i.Outcome} {i.Position - rowOffset} {i.ExternalId} {i.Field} {i.Value} {AsCsvReason(i.Reason, rowOffset)}"))];

    private static string AsCsvReason(string reason, long rowOffset) => AlreadyOnRow().Replace(
        reason, m => $"already on line {long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) - rowOffset}");

    [GeneratedRegex(@"already on (?:row|line) (\d+)")]
    private static partial Regex AlreadyOnRow();
}
