namespace StationMap.Domain.Nearest;

/// <summary>
/// What the filters of a nearest query test about a station, packed in one 64-bit mask so that a station is tested
/// with two ANDs, and a subtree of the index with the OR of its stations' masks.
/// Bits 0-31: <see cref="Amenity"/> flags; bits 32-39: the <see cref="StationKind"/>. Further yes/no attributes
/// (e.g. hazmat allowed) take bits from 40 upwards.
/// </summary>
internal static class StationTraits
{
    private const int KindShift = 32;

    public static long Of(StationKind kind, Amenity amenities) => (long)amenities | KindBit(kind);

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
