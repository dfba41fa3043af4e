namespace StationMap.Domain;

/// <summary>
/// The fixed amenity vocabulary. A set of amenities is a bit mask, so "has all of these" is one AND.
/// </summary>
[Flags]
public enum Amenity : long
{
    None = 0,
    DrinkingWater = 1L << 0,
    HotWater = 1L << 1,
    Microwave = 1L << 2,
    PhoneCharging = 1L << 3,
    Toilet = 1L << 4,
    Seating = 1L << 5,
    AirConditioning = 1L << 6,
    Heating = 1L << 7,
    FirstAid = 1L << 8,
    Wifi = 1L << 9,
    TruckParking = 1L << 10,
    Shower = 1L << 11,
    Refrigerator = 1L << 12,
    RepairKit = 1L << 13,
    ReadingCorner = 1L << 14,
    Lockers = 1L << 15,
}

/// <summary>Wire names of <see cref="Amenity"/> values (snake_case, as in OpenStreetMap-style tags).</summary>
public static class Amenities
{
    private static readonly (Amenity Value, string Name)[] Vocabulary =
    [
        (Amenity.DrinkingWater, "drinking_water"),
        (Amenity.HotWater, "hot_water"),
        (Amenity.Microwave, "microwave"),
        (Amenity.PhoneCharging, "phone_charging"),
        (Amenity.Toilet, "toilet"),
        (Amenity.Seating, "seating"),
        (Amenity.AirConditioning, "air_conditioning"),
        (Amenity.Heating, "heating"),
        (Amenity.FirstAid, "first_aid"),
        (Amenity.Wifi, "wifi"),
        (Amenity.TruckParking, "truck_parking"),
        (Amenity.Shower, "shower"),
        (Amenity.Refrigerator, "refrigerator"),
        (Amenity.RepairKit, "repair_kit"),
        (Amenity.ReadingCorner, "reading_corner"),
        (Amenity.Lockers, "lockers"),
    ];

    public static IEnumerable<string> WireNames => Vocabulary.Select(v => v.Name);

    public static bool TryParse(string? text, out Amenity amenity)
    {
        var name = text?.Trim().ToLowerInvariant();
        foreach (var (value, wire) in Vocabulary)
        {
            if (wire == name)
            {
                amenity = value;
                return true;
            }
        }
        amenity = Amenity.None;
        return false;
    }

    /// <summary>The wire names of every amenity in <paramref name="set"/>, in vocabulary order.</summary>
    public static string[] ToWire(Amenity set) =>
        Vocabulary.Where(v => (set & v.Value) != 0).Select(v => v.Name).ToArray();

    public static Amenity FromWire(IEnumerable<string> names)
    {
        var set = Amenity.None;
        foreach (var name in names)
        {
            if (TryParse(name, out var amenity))
            {
                set |= amenity;
            }
        }
        return set;
    }

    public static bool HasAll(this Amenity set, Amenity required) => (set & required) == required;
}
