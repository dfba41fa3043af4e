using StationMap.Import;
using StationMap.Import.Reporting;
using StationMap.Integration.Tests.Infrastructure;
using static StationMap.Integration.Tests.Import.ImportHarness;

namespace StationMap.Integration.Tests.Import;

/// <summary>
/// OpenStreetMap PBF written by osmium (Debian's osmium-tool, an independent writer) from the OSM XML fixture imports to
/// the same stations, with the same report, as the XML.
/// </summary>
public sealed class OsmPbfImportTests(DemoDatabase database) : ImportFolderTests(database)
{
    [Fact]
    public async Task A_pbf_extract_made_by_osmium_imports_to_the_same_stations_as_its_xml()
    {
        var pbf = Path.Combine(Folder, "stations.osm.pbf");
        await ExternalTool.RunAsync("osmium", "osmium-tool", "cat", Fixture("stations.osm"), "-o", pbf);
        var xmlSource = NewSource("osmxml");
        var pbfSource = NewSource("osmpbf");

        var fromXml = await Import(Fixture("stations.osm"), InputFormat.Osm, xmlSource);
        var fromPbf = await Import(pbf, InputFormat.OsmPbf, pbfSource);

        Assert.True(fromPbf.Error is null, fromPbf.Error);
        // Not vacuous: two stations, one rejected (latitude 95), the shop and the untagged node skipped.
        Assert.Equal((3L, 2L, 1L), (fromXml.Report.RowsRead, fromXml.Report.Inserted, fromXml.Report.Rejected));
        Assert.Equal(
            (fromXml.Status, fromXml.Report.RowsRead, fromXml.Report.Inserted, fromXml.Report.Rejected, fromXml.Report.Warnings),
            (fromPbf.Status, fromPbf.Report.RowsRead, fromPbf.Report.Inserted, fromPbf.Report.Rejected, fromPbf.Report.Warnings));
        Assert.Equal("node", fromPbf.Report.PositionName);
        // PBF holds coordinates as numbers, not text: a coordinate in a rejection reads the same, not always spelt alike
        // (95.0 in the XML fixture, 95 from PBF).
        Assert.Equal(fromXml.Report.Issues.Select(Comparable), fromPbf.Report.Issues.Select(Comparable));
        Assert.Equal(fromXml.Report.Changes.OrderBy(c => c.Position), fromPbf.Report.Changes.OrderBy(c => c.Position));
        var stations = await StationContentsAsync(Database.DataSources.Write, xmlSource);
        Assert.Equal(["node/1001", "node/1002"], stations.Select(s => s[1..s.IndexOf(',', StringComparison.Ordinal)]));
        Assert.Equal(stations, await StationContentsAsync(Database.DataSources.Write, pbfSource));
    }

    [Fact]
    public async Task A_file_that_is_not_pbf_changes_nothing_and_says_so()
    {
        var before = await StationsHashAsync(Database.DataSources.Write);

        var result = await Import(Fixture("stations.osm"), InputFormat.OsmPbf, NewSource("notpbf"));

        Assert.Equal(ImportStatus.InvalidInput, result.Status);
        Assert.Contains("PBF", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await StationsHashAsync(Database.DataSources.Write));
    }

    private static RowIssue Comparable(RowIssue issue) =>
        double.TryParse(issue.Value, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? issue with { Value = number.ToString("R", System.Globalization.CultureInfo.InvariantCulture) }
            : issue;

    private Task<ImportResult> Import(string path, InputFormat format, string source) =>
        ImportAsync(Database.DataSources.Write, new ImportOptions { FilePath = path, Source = source, Format = format });
}
