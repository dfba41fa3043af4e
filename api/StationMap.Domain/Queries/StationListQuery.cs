namespace StationMap.Domain.Queries;

/// <summary>
/// "List the live stations", as a feature service asks it (OGC API – Features): those inside any of
/// <see cref="Boxes"/> (none: everywhere; two when a box crosses the antimeridian), of the kinds, with all the
/// amenities, in the district, one page of at most <see cref="Limit"/> by id from <see cref="Cursor"/>.
/// </summary>
public sealed record StationListQuery
{
    /// <summary>Boxes a station must be in one of (edges inclusive, boxes apart); empty means the whole world.</summary>
    public IReadOnlyList<BoundingBox> Boxes { get; init; } = [];

    /// <summary>Kinds to include; empty means every kind.</summary>
    public IReadOnlyList<StationKind> Kinds { get; init; } = [];

    /// <summary>Amenities a station must all have.</summary>
    public Amenity Amenities { get; init; }

    /// <summary>The district a station must name, exactly as stored; null: any.</summary>
    public string? District { get; init; }

    public PageCursor Cursor { get; init; } = PageCursor.First;

    public required int Limit { get; init; }
}
