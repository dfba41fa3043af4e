using System.Xml;
using StationMap.Import.Normalising;

namespace StationMap.Import.Reading;

/// <summary>
/// Reads OpenStreetMap XML (<c>.osm</c>) with a streaming <see cref="XmlReader"/>. Only nodes that are service
/// stations become rows: <c>amenity=shelter</c>, any <c>social_facility=*</c>, an operator that is a trade union
/// (<c>operator=*工会*</c>), or a name that says it is a 驿站 / 职工之家. Their external id is <c>node/ID</c> and their
/// position in reports is the node id. OSM is WGS-84 by definition. Ways, relations and other nodes are skipped.
/// </summary>
public sealed class OsmStationReader(Stream stream) : IStationReader
{
    // OSM tags whose "yes" means an amenity of ours.
    private static readonly (string Key, string Amenity)[] AmenityTags =
    [
        ("drinking_water", "drinking_water"), ("hot_water", "hot_water"), ("microwave", "microwave"),
        ("mobile_phone_charging", "phone_charging"), ("charging", "phone_charging"), ("toilets", "toilet"),
        ("bench", "seating"), ("seating", "seating"), ("air_conditioning", "air_conditioning"), ("heating", "heating"),
        ("first_aid", "first_aid"), ("wifi", "wifi"), ("shower", "shower"), ("fridge", "refrigerator"),
        ("repair_kit", "repair_kit"), ("lockers", "lockers"),
    ];

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
            if (!IsStation(tags))
            {
                continue;
            }
            row.Clear(long.TryParse(id, out var nodeId) ? nodeId : 0);
            Fill(row, id, lat, lon, tags);
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

    private static bool IsStation(Dictionary<string, string> tags) =>
        tags.GetValueOrDefault("amenity") == "shelter"
        || tags.ContainsKey("social_facility")
        || tags.GetValueOrDefault("operator")?.Contains("工会", StringComparison.Ordinal) == true
        || KindNames.TryParse(tags.GetValueOrDefault("name"), out _);

    private static void Fill(SourceRow row, string? id, string? lat, string? lon, Dictionary<string, string> tags)
    {
        row[ImportField.ExternalId] = id is null ? null : "node/" + id;
        row[ImportField.Lat] = lat;
        row[ImportField.Lon] = lon;
        var name = tags.GetValueOrDefault("name:zh") ?? tags.GetValueOrDefault("name");
        row[ImportField.Name] = name;
        // A union shelter that does not say what it is counts as a warm station.
        row[ImportField.Kind] = tags.GetValueOrDefault("stationmap:kind")
            ?? (KindNames.TryParse(name, out _) ? name : "warm_station");
        row[ImportField.Address] = tags.GetValueOrDefault("addr:full")
            ?? (tags.GetValueOrDefault("addr:street") is { } street ? street + tags.GetValueOrDefault("addr:housenumber") : null);
        row[ImportField.District] = tags.GetValueOrDefault("addr:district");
        row[ImportField.OpeningHours] = tags.GetValueOrDefault("opening_hours");
        row[ImportField.Phone] = tags.GetValueOrDefault("phone") ?? tags.GetValueOrDefault("contact:phone");
        row[ImportField.Host] = tags.GetValueOrDefault("operator");
        foreach (var (key, amenity) in AmenityTags)
        {
            if (tags.GetValueOrDefault(key) is "yes" or "customers" or "free")
            {
                row.ExtraAmenities.Add(amenity);
            }
        }
        if (tags.GetValueOrDefault("internet_access") is "wlan" or "wifi" or "yes")
        {
            row.ExtraAmenities.Add("wifi");
        }
    }

    public void Dispose() => stream.Dispose();
}
