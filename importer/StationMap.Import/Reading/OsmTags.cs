using StationMap.Import.Normalising;

namespace StationMap.Import.Reading;

/// <summary>
/// Which OpenStreetMap nodes are service stations and how their tags fill a row: one mapping for every OSM encoding
/// (XML and PBF), so an extract imports to the same stations whichever way it was saved. A node is a station when it
/// is <c>amenity=shelter</c>, has any <c>social_facility=*</c>, an operator that is a trade union
/// (<c>operator=*工会*</c>), or a name that says it is a 驿站 / 职工之家. Its external id is <c>node/ID</c>.
/// </summary>
internal static class OsmTags
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

    public static bool IsStation(Dictionary<string, string> tags) =>
        tags.GetValueOrDefault("amenity") == "shelter"
        || tags.ContainsKey("social_facility")
        || tags.GetValueOrDefault("operator")?.Contains("工会", StringComparison.Ordinal) == true
        || KindNames.TryParse(tags.GetValueOrDefault("name"), out _);

    /// <summary>Fills <paramref name="row"/> from a station node: its id and position as text, and its tags.</summary>
    public static void Fill(SourceRow row, string? id, string? lat, string? lon, Dictionary<string, string> tags)
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
}
