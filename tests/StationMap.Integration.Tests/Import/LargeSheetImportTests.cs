using StationMap.DemoData;
using StationMap.Import;
using StationMap.Import.Normalising;
using StationMap.Integration.Tests.Infrastructure;
using Xunit.Abstractions;
using static StationMap.Integration.Tests.Import.ImportHarness;

namespace StationMap.Integration.Tests.Import;

/// <summary>
/// A 200,000-row sheet (GDAL's XLSX driver: shared strings, as Excel writes) imports within a stated bound of managed
/// memory: the sheet streams row by row; what grows with it is the workbook's shared-string table. The place matching
/// that follows the merge holds the records it decides (all live ones here: 200,000 new records are past the full pass's
/// threshold), so it has a bound of its own per record.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class LargeSheetImportTests(DemoDatabase database, ITestOutputHelper output) : ImportFolderTests(database)
{
    private const int Rows = 200_000;

    /// <summary>
    /// Peak live managed heap of the import's reading and merging above what was live before. Measured 86 MB (the shared
    /// strings and the report's list of changes are most of it); the same import with the reader holding the sheet's
    /// rows (as a reader that builds a row object per row, e.g. a materialised query, would) peaked at 303 MB, garbage
    /// included.
    /// </summary>
    public const long BoundBytes = 160L << 20;

    [Fact]
    public async Task A_200000_row_sheet_imports_within_the_memory_bound()
    {
        var csv = Path.Combine(Folder, "stations.csv");
        DemoFiles.WriteCsv(StationGenerator.Generate(Rows, 19, GeneratorRegion.Jingjinji), csv, CoordinateSystem.Gcj02);
        var xlsx = Path.Combine(Folder, "stations.xlsx");
        await ExternalTool.RunAsync("ogr2ogr", "gdal-bin", "-f", "XLSX", xlsx, csv);
        var source = NewSource("big");

        ImportResult result;
        long peak, matching;
        using (var memory = new PeakManagedMemory(liveOnly: true))
        {
            var reading = -1L;
            result = await ImportAsync(Database.DataSources.Write, new ImportOptions
            {
                FilePath = xlsx, Source = source, Format = InputFormat.Xlsx, Crs = CoordinateSystem.Gcj02,
            }, p => reading = p.Phase == ImportPhase.MatchingPlaces ? memory.Split() : reading);
            Assert.True(reading >= 0, "the import never reported its place matching");
            (peak, matching) = (reading, memory.Bytes);
        }

        Assert.True(result.Error is null, result.Error);
        Assert.Equal((Rows, Rows, 0L), (result.Report.RowsRead, result.Report.Inserted, result.Report.Rejected));
        Assert.Equal(Rows, await CountAsync(Database.DataSources.Write, "SELECT count(*) FROM station WHERE source = @s", ("s", source)));
        output.WriteLine($"200,000-row sheet: peak managed memory {peak >> 20} MB reading and merging (bound {BoundBytes >> 20} MB), "
            + PlaceMatchingMemory.Describe(matching, result.Report.Places));
        Assert.True(peak < BoundBytes, $"peak managed memory {peak >> 20} MB reading and merging, bound {BoundBytes >> 20} MB");
        PlaceMatchingMemory.AssertWithin(matching, result.Report.Places);
    }
}
