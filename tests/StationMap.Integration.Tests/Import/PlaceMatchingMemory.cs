using StationMap.Store.Places;

namespace StationMap.Integration.Tests.Import;

/// <summary>
/// The bound on an import's place matching: it decides places over the records in its scope at once (one global
/// assignment, so the places do not depend on the order of imports), which holds each record it reads with its prepared
/// name, address and candidate pairs. Its peak live heap is bounded per record read, not per row of the file: measured
/// 1,000-1,600 bytes (a sheet's 203,000 records, a PBF extract's 53,000).
/// </summary>
internal static class PlaceMatchingMemory
{
    /// <summary>Peak live managed heap per record the pass read.</summary>
    public const long BoundBytesPerRecord = 3072;

    public static string Describe(long peakBytes, PlaceMatchSummary? places) =>
        places is null
            ? "no place matching"
            : $"place matching {peakBytes >> 20} MB over {places.Records:N0} records ({peakBytes / Math.Max(places.Records, 1):N0} bytes each, bound {BoundBytesPerRecord:N0})";

    public static void AssertWithin(long peakBytes, PlaceMatchSummary? places)
    {
        Assert.NotNull(places);
        Assert.True(places.Records > 0, "the place matching read no record");
        Assert.True(peakBytes < BoundBytesPerRecord * places.Records, Describe(peakBytes, places));
    }
}
