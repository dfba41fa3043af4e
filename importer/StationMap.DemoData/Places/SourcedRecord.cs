using StationMap.Domain;

namespace StationMap.DemoData.Places;

/// <summary>One source's record of a generated station, with the station it truly is (the labelled truth).</summary>
/// <param name="Station">The generated station's own id: records with the same one are the same physical station.</param>
/// <param name="Gcj02Mislabelled">The record's position is the station's GCJ-02 position, labelled WGS-84 (the noise a host's export adds).</param>
public sealed record SourcedRecord(string Source, StationRecord Record, string Station, bool Gcj02Mislabelled);

/// <summary>How many generated stations more than one source lists, and how many have a look-alike neighbour.</summary>
/// <param name="SharedPercent">Percent of stations listed by two or three sources (the rest by one).</param>
/// <param name="NeighbourPercent">Percent of stations that get a different station of the same company 80-250 m away (two branches of one bank).</param>
public sealed record OverlapProfile(int SharedPercent, int NeighbourPercent)
{
    /// <summary>The labelled set: most stations listed twice or three times, many look-alike neighbours.</summary>
    public static OverlapProfile Labelled { get; } = new(65, 12);

    /// <summary>The benchmark: about a fifth of the records have a counterpart in another source.</summary>
    public static OverlapProfile Benchmark { get; } = new(12, 3);
}
