using StationMap.Api.Infrastructure;

namespace StationMap.Api.Stations;

/// <summary>
/// One page of the stations in a box, by id; <c>truncated</c>, <c>limit</c> and <c>next</c> are foreign members.
/// <c>next</c> is the root-relative URL of the next page, with the same filters, while more stations follow (null on the last);
/// <c>truncated</c> says the same as a yes/no, as it did before answers were paged.
/// </summary>
public sealed record StationFeatureCollection(
    IReadOnlyList<Feature<PointGeometry, StationProperties>> Features,
    bool Truncated,
    int Limit,
    string? Next)
    : FeatureCollection<PointGeometry, StationProperties>(Features);
