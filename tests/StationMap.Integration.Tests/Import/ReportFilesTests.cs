using System.Text;
using System.Text.Json.Nodes;
using StationMap.DemoData;
using StationMap.Domain;
using StationMap.Import;
using StationMap.Import.Normalising;
using StationMap.Import.Reporting;
using StationMap.Integration.Tests.Infrastructure;
using static StationMap.Integration.Tests.Import.ImportHarness;

namespace StationMap.Integration.Tests.Import;

/// <summary>
/// The report files a station import renders ahead (while the database finishes the merge) are the same bytes as
/// those rendered after the run: on a bulk load (inserts told during the COPY) and on a staged re-import (updates
/// told by the database), with rejections and warnings among them.
/// </summary>
public sealed class ReportFilesTests(DemoDatabase database) : ImportFolderTests(database)
{
    [Fact]
    public async Task Items_rendered_ahead_make_the_same_files_as_items_rendered_after_the_run()
    {
        var first = WriteFile("first.csv", StationGenerator.Generate(3000, 23, GeneratorRegion.Jingjinji));
        // The re-import: some stations moved or renamed, some new, some gone.
        var changed = StationGenerator.Generate(3200, 23, GeneratorRegion.Jingjinji)
            .Select((s, i) => i % 7 == 0 ? s with { Name = s.Name + " 新址" } : s)
            .Where((_, i) => i % 11 != 5);
        var second = WriteFile("second.csv", changed);

        var ahead = NewSource("ahead");
        var after = NewSource("after");
        foreach (var file in new[] { first, second })
        {
            var (aheadCsv, aheadJson) = await ImportAndWriteAsync(file, ahead, prepare: true);
            var (afterCsv, afterJson) = await ImportAndWriteAsync(file, after, prepare: false);

            Assert.Equal(afterCsv, aheadCsv);
            Assert.Equal(Items(afterJson), Items(aheadJson));
            var json = JsonNode.Parse(aheadJson)!;
            Assert.Equal(ahead, (string?)json["source"]);
            Assert.Equal((long)json["inserted"]! + (long)json["updated"]!, json["changes"]!.AsArray().Count);
            var issues = json["issues"]!.AsArray();
            Assert.Equal((long)json["warnings"]!, issues.Count(i => (string?)i!["outcome"] == "warning"));
            Assert.Equal((long)json["rejected"]!, issues.Where(i => (string?)i!["outcome"] == "rejected").Select(i => (long)i!["line"]!).Distinct().Count());
            Assert.Contains(aheadCsv.Split('\n'), line => line.StartsWith("rejected,", StringComparison.Ordinal));
        }
    }

    private async Task<(string Csv, string Json)> ImportAndWriteAsync(string file, string source, bool prepare)
    {
        var result = await ImportAsync(Database.DataSources.Write, new ImportOptions
        {
            FilePath = file, Source = source, Crs = CoordinateSystem.Gcj02, Mode = ImportMode.Full, PrepareReportFiles = prepare,
        });
        Assert.True(result.Committed, result.Error);
        Assert.Equal(prepare, result.Report.RenderedItems() is not null);
        var stem = Path.Combine(Folder, $"{source}-{Path.GetFileNameWithoutExtension(file)}");
        ReportFiles.Write(result, new ImportRunInfo(source, Path.GetFileName(file), "csv", "gcj02", "full"), stem + ".csv", stem + ".json");
        return (await File.ReadAllTextAsync(stem + ".csv", Encoding.UTF8), await File.ReadAllTextAsync(stem + ".json", Encoding.UTF8));
    }

    /// <summary>The JSON file from its items on, as text: the summary before them differs by source and times.</summary>
    private static string Items(string json) => json[json.IndexOf("\"issues\"", StringComparison.Ordinal)..];

    /// <summary>The stations as a GCJ-02 CSV, with a few rows no import accepts.</summary>
    private string WriteFile(string name, IEnumerable<StationRecord> stations)
    {
        var path = Path.Combine(Folder, name);
        DemoFiles.WriteCsv(stations, path, CoordinateSystem.Gcj02);
        var header = File.ReadLines(path).First().Split(',');
        string Row(params (string Field, string Value)[] values) =>
            string.Join(',', header.Select(h => values.FirstOrDefault(v => v.Field == h).Value ?? ""));
        File.AppendAllLines(path,
        [
            Row(("external_id", "bad-1"), ("name", "无坐标"), ("kind", "warm_station")),
            Row(("external_id", "bad-2"), ("name", "\"坏, 纬度\""), ("kind", "warm_station"), ("lat", "abc"), ("lon", "116.4")),
            Row(("external_id", "bad-3"), ("kind", "warm_station"), ("lat", "39.9"), ("lon", "116.4")),
        ]);
        return path;
    }
}
