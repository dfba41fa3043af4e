namespace StationMap.Domain.Nearest;

/// <summary>
/// What the filters of a nearest query test about a station, packed in one 64-bit mask so that a station is tested
/// with two ANDs, and a subtree of the index with the OR of its stations' masks.
/// Bits 0-31: <see cref="Amenity"/> flags; bits 32-39: the <see cref="StationKind"/>; bits 40-42: the truck
/// attributes (truck parking, hazardous goods accepted, a known longest bay).
/// </summary>
internal static class StationTraits
{
    private const int KindShift = 32;

    public const long TruckParking = 1L << 40;
    public const long HazmatAllowed = 1L << 41;
    public const long VehicleLengthKnown = 1L << 42;

    public static long Of(StationKind kind, Amenity amenities) => (long)amenities | KindBit(kind);

    public static long Of(in StationIndexRow row) =>
        Of(row.Kind, row.Amenities)
        | (row.TruckParkingSpaces > 0 ? TruckParking : 0)
        | (row.HazmatAllowed ? HazmatAllowed : 0)
        | (row.MaxVehicleLengthM is not null ? VehicleLengthKnown : 0);

    /// <summary>The truck bits a station must have to pass <paramref name="truck"/> (its length is tested apart).</summary>
    public static long Required(Queries.TruckFilter truck) =>
        (truck.Truck ? TruckParking : 0) | (truck.Hazmat ? HazmatAllowed : 0) | (truck.VehicleLengthM is not null ? VehicleLengthKnown : 0);

    public static long KindBit(StationKind kind) => 1L << (KindShift + (int)kind);

    /// <summary>The kind bits a station may have to pass a kind filter; every kind when none is given.</summary>
    public static long KindBits(IReadOnlyList<StationKind> kinds)
    {
        if (kinds.Count == 0)
        {
            return 0xFFL << KindShift;
        }
        var bits = 0L;
        foreach (var kind in kinds)
        {
            bits |= KindBit(kind);
        }
        return bits;
    }
}
