namespace StationMap.Domain.Places;

/// <summary>
/// One source's record of a station, as the matcher sees it. (<see cref="Source"/>, <see cref="ExternalId"/>) is its
/// key: every ordering and tie-break of the matcher goes by keys, never by <see cref="Id"/> or input order, so the
/// places found do not depend on the order in which sources or rows were imported.
/// </summary>
public sealed record PlaceRecord
{
    /// <summary>The store's station id: how results name the record.</summary>
    public required long Id { get; init; }

    public required string Source { get; init; }

    public required string ExternalId { get; init; }

    public required StationKind Kind { get; init; }

    public required string Name { get; init; }

    public string? Address { get; init; }

    public string? Host { get; init; }

    public string? Phone { get; init; }

    /// <summary>WGS-84, as stored (possibly a GCJ-02 position mislabelled as WGS-84, when the source is suspected of it).</summary>
    public required double Lat { get; init; }

    public required double Lon { get; init; }
}

/// <summary>An operator's word on two records: the same place (<see cref="Link"/>) or not. It wins over the matcher.</summary>
public readonly record struct PairDecision(long StationA, long StationB, bool Link);
