namespace StationMap.Import.Reading;

/// <summary>The fields an input row can fill; a reader maps its columns or properties onto these.</summary>
public enum ImportField
{
    ExternalId,
    Name,
    Kind,
    Lat,
    Lon,
    Address,
    District,
    Amenities,
    OpeningHours,
    Phone,
    Host,
    TruckParkingSpaces,
    MaxVehicleLengthM,
    HazmatAllowed,
    Road,
    Weight,
    Layer,
    HostType,
    Capacity,
}

/// <summary>Wire names of <see cref="ImportField"/> (as used in mapping files and reports).</summary>
public static class ImportFields
{
    private static readonly string[] Names =
    [
        "external_id", "name", "kind", "lat", "lon", "address", "district", "amenities", "opening_hours", "phone", "host",
        "truck_parking_spaces", "max_vehicle_length_m", "hazmat_allowed", "road",
        "weight", "layer", "host_type", "capacity",
    ];

    public static int Count => Names.Length;

    public static IReadOnlyList<string> WireNames => Names;

    public static string ToWire(this ImportField field) => Names[(int)field];

    public static bool TryParse(string? text, out ImportField field)
    {
        var index = Array.IndexOf(Names, text?.Trim().ToLowerInvariant());
        field = index < 0 ? default : (ImportField)index;
        return index >= 0;
    }
}
