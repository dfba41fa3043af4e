using System.Xml;

namespace StationMap.Import.Reading;

/// <summary>
/// Reads OpenStreetMap XML (<c>.osm</c>) with a streaming <see cref="XmlReader"/>. Only nodes that are service
/// stations (<see cref="OsmTags"/>) become rows; their position in reports is the node id. OSM is WGS-84 by
/// definition. Ways, relations and other nodes are skipped.
/// </summary>
public sealed class OsmStationReader(Stream stream) : IStationReader
{
    public string PositionName => "node";

    public IEnumerable<SourceRow> Rows()
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true, IgnoreComments = true };
        using var xml = XmlReader.Create(stream, settings);
        var row = new SourceRow();
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        var sawRoot = false;
        while (Read(xml))
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            if (!sawRoot)
            {
                if (xml.Name != "osm")
                {
                    throw new ImportInputException($"expected an <osm> document, found <{xml.Name}>");
                }
                sawRoot = true;
                continue;
            }
            if (xml.Name != "node")
            {
                continue;
            }
            var id = xml.GetAttribute("id");
            var lat = xml.GetAttribute("lat");
            var lon = xml.GetAttribute("lon");
            tags.Clear();
            if (!xml.IsEmptyElement)
            {
                var depth = xml.Depth;
                while (Read(xml) && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
                {
                    if (xml.NodeType == XmlNodeType.Element && xml.Name == "tag" && xml.GetAttribute("k") is { } k)
                    {
                        tags[k] = xml.GetAttribute("v") ?? "";
                    }
                }
            }
            if (!OsmTags.IsStation(tags))
            {
                continue;
            }
            row.Clear(long.TryParse(id, out var nodeId) ? nodeId : 0);
            OsmTags.Fill(row, id, lat, lon, tags);
            yield return row;
        }
        if (!sawRoot)
        {
            throw new ImportInputException("the file is empty: expected an <osm> document");
        }
    }

    private static bool Read(XmlReader xml)
    {
        try
        {
            return xml.Read();
        }
        catch (XmlException e)
        {
            throw new ImportInputException($"malformed OSM XML at line {e.LineNumber}: {e.Message}", e);
        }
    }

    public void Dispose() => stream.Dispose();
}
