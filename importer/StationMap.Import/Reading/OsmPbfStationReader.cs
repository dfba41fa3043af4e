using System.Globalization;
using OsmSharp;
using OsmSharp.Streams;

namespace StationMap.Import.Reading;

/// <summary>
/// Reads OpenStreetMap PBF (<c>.osm.pbf</c>) with OsmSharp, one file block (at most a few thousand objects) at a time,
/// so memory stays bounded whatever the extract's size. Nodes become rows exactly as the XML reader makes them
/// (<see cref="OsmTags"/>): the position in reports is the node id. Ways and relations are skipped.
/// </summary>
public sealed class OsmPbfStationReader(Stream stream) : IStationReader
{
    public string PositionName => "node";

    public IEnumerable<SourceRow> Rows()
    {
        var row = new SourceRow();
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        using var objects = new PBFOsmStreamSource(stream).GetEnumerator();
        var any = false;
        while (Next(objects))
        {
            any = true;
            if (objects.Current is not Node { Tags.Count: > 0 } node)
            {
                continue;
            }
            tags.Clear();
            foreach (var tag in node.Tags)
            {
                tags[tag.Key] = tag.Value;
            }
            if (!OsmTags.IsStation(tags))
            {
                continue;
            }
            row.Clear(node.Id ?? 0);
            OsmTags.Fill(row, node.Id?.ToString(CultureInfo.InvariantCulture), Degrees(node.Latitude), Degrees(node.Longitude), tags);
            yield return row;
        }
        if (!any && stream.Length == 0)
        {
            throw new ImportInputException("the file is empty: expected OpenStreetMap PBF");
        }
        if (!any && stream.Position == 0)
        {
            throw new ImportInputException("not an OpenStreetMap PBF file: no data block could be read");
        }
    }

    private static bool Next(IEnumerator<OsmGeo> objects)
    {
        try
        {
            return objects.MoveNext();
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // OsmSharp and protobuf-net throw what they meet (EndOfStream, ProtoException, InvalidData, ...).
            throw new ImportInputException($"malformed OpenStreetMap PBF: {e.Message}", e);
        }
    }

    /// <summary>
    /// A coordinate as OSM XML writes it: PBF stores whole multiples of 100 nanodegrees (the default granularity, which
    /// every OSM producer uses), which OsmSharp hands over as a double off by a rounding (116.39720000000001); the text
    /// of the whole multiple reads back as the very value the XML of the same data gives.
    /// </summary>
    private static string? Degrees(double? value) => value is { } degrees
        ? ((decimal)Math.Round(degrees * 1e7, MidpointRounding.AwayFromZero) / 10_000_000m).ToString(CultureInfo.InvariantCulture)
        : null;

    public void Dispose() => stream.Dispose();
}
