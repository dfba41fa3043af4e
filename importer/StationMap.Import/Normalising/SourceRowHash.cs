using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using StationMap.Import.Reading;

namespace StationMap.Import.Normalising;

/// <summary>
/// A 64-bit hash (XXH3) of a raw row's field texts and of everything else that decides how the row is normalised
/// (coordinate system, region, default kind, this code's version). Equal hashes mean an equal station after
/// normalising, so an import can tell an unchanged row without normalising it. The position is left out: a row moved
/// down the file by an inserted line is the same station.
/// </summary>
internal sealed class SourceRowHash
{
    // Bump when normalising changes (a new kind or amenity name, another rounding, a new way of reading hours): stored
    // hashes stop matching and every row is normalised and compared once again.
    private const int NormaliserVersion = 2;

    private const ulong NullMark = 0x9E37_79B9_7F4A_7C15;
    private const ulong Prime = 0x0000_0100_0000_01B3;

    private readonly ulong _seed;

    public SourceRowHash(CoordinateSystem crs, Domain.Queries.BoundingBox? region, Domain.StationKind? defaultKind) =>
        _seed = XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{NormaliserVersion}|{crs}|{region}|{defaultKind}")));

    public long Of(SourceRow row)
    {
        // Field by field, each hash seeding the next: no copy of the row into one buffer first.
        var hash = _seed;
        for (var field = 0; field < ImportFields.Count; field++)
        {
            hash = Text(hash, row[(ImportField)field]);
        }
        foreach (var extra in row.ExtraAmenities)
        {
            hash = Text(hash, extra);
        }
        return (long)hash;
    }

    // Null and empty differ, and so do ("ab", null) and ("a", "b"): every field moves the chain, null included.
    private static ulong Text(ulong hash, string? value) => value is null
        ? (hash ^ NullMark) * Prime
        : XxHash3.HashToUInt64(MemoryMarshal.AsBytes(value.AsSpan()), (long)hash);
}
