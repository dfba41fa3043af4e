using System.Globalization;
using StationMap.Import;
using StationMap.Integration.Tests.Infrastructure;
using Xunit.Abstractions;
using static StationMap.Integration.Tests.Import.ImportHarness;

namespace StationMap.Integration.Tests.Import;

/// <summary>
/// A large OpenStreetMap extract (1,000,000 nodes, 1 in 20 a union shelter, and ways over them; made by osmium from XML
/// the test writes) imports from PBF within a stated bound of managed memory: the file is read block by block.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class LargeExtractImportTests(DemoDatabase database, ITestOutputHelper output) : ImportFolderTests(database)
{
    private const int Nodes = 1_000_000;
    private const int StationEvery = 20;

    /// <summary>
    /// Peak live managed heap of the import's reading and merging above what was live before (the place matching after
    /// it is bounded per record it reads: <see cref="PlaceMatchingMemory"/>). Measured 11 MB; the same import with the
    /// reader holding the extract's objects (OsmSharp's source materialised) peaked at 450 MB, garbage included.
    /// </summary>
    public const long BoundBytes = 32L << 20;

    [Fact]
    public async Task A_large_pbf_extract_imports_within_the_memory_bound()
    {
        var xml = Path.Combine(Folder, "large.osm");
        WriteExtract(xml);
        var pbf = Path.Combine(Folder, "large.osm.pbf");
        await ExternalTool.RunAsync("osmium", "osmium-tool", "cat", xml, "-o", pbf);
        File.Delete(xml);
        var source = NewSource("bigosm");

        ImportResult result;
        long peak, matching;
        using (var memory = new PeakManagedMemory(liveOnly: true))
        {
            var reading = -1L;
            result = await ImportAsync(
                Database.DataSources.Write, new ImportOptions { FilePath = pbf, Source = source, Format = InputFormat.OsmPbf },
                p => reading = p.Phase == ImportPhase.MatchingPlaces ? memory.Split() : reading);
            Assert.True(reading >= 0, "the import never reported its place matching");
            (peak, matching) = (reading, memory.Bytes);
        }

        Assert.True(result.Error is null, result.Error);
        Assert.Equal((long)(Nodes / StationEvery), result.Report.Inserted);
        output.WriteLine($"{Nodes:N0}-node PBF extract: peak managed memory {peak >> 20} MB reading and merging (bound {BoundBytes >> 20} MB), "
            + PlaceMatchingMemory.Describe(matching, result.Report.Places));
        Assert.True(peak < BoundBytes, $"peak managed memory {peak >> 20} MB reading and merging, bound {BoundBytes >> 20} MB");
        PlaceMatchingMemory.AssertWithin(matching, result.Report.Places);
    }

    // Nodes on a grid over Beijing with the tags a real extract's nodes carry, every 20th a union shelter; a way over
    // every ten nodes.
    private static void WriteExtract(string path)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("""<?xml version="1.0" encoding="UTF-8"?>""");
        writer.WriteLine("""<osm version="0.6" generator="stationmap-tests">""");
        for (var i = 1; i <= Nodes; i++)
        {
            var lat = (39.5 + (i % 1000) * 0.001).ToString("F7", CultureInfo.InvariantCulture);
            var lon = (116.0 + (i / 1000) * 0.001).ToString("F7", CultureInfo.InvariantCulture);
            var meta = $"""version="1" timestamp="2026-11-01T00:00:00Z" changeset="{i / 500 + 1}" uid="{i % 97 + 1}" user="mapper{i % 97}" """;
            if (i % StationEvery == 0)
            {
                writer.WriteLine($"""  <node id="{i}" lat="{lat}" lon="{lon}" {meta}><tag k="amenity" v="shelter"/><tag k="name" v="第{i}号 暖心驿站"/><tag k="operator" v="北京市总工会"/><tag k="opening_hours" v="24/7"/><tag k="drinking_water" v="yes"/></node>""");
            }
            else if (i % 7 == 0)
            {
                writer.WriteLine($"""  <node id="{i}" lat="{lat}" lon="{lon}" {meta}><tag k="highway" v="crossing"/></node>""");
            }
            else
            {
                writer.WriteLine($"""  <node id="{i}" lat="{lat}" lon="{lon}" {meta}/>""");
            }
        }
        for (var w = 0; w < Nodes / 10; w++)
        {
            writer.Write($"""  <way id="{w + 1}" version="1" timestamp="2026-11-01T00:00:00Z" changeset="1" uid="1" user="mapper1">""");
            for (var n = 1; n <= 10; n++)
            {
                writer.Write($"""<nd ref="{w * 10 + n}"/>""");
            }
            writer.WriteLine("""<tag k="highway" v="residential"/></way>""");
        }
        writer.WriteLine("</osm>");
    }
}
