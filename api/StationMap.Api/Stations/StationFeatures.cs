using StationMap.Api.Infrastructure;

namespace StationMap.Api.Stations;

/// <summary>Stations in a box; <c>truncated</c> and <c>limit</c> are foreign members.</summary>
public sealed record StationFeatureCollection(IReadOnlyList<Feature<PointGeometry, StationProperties>> Features, bool Truncated, int Limit)
    : FeatureCollection<PointGeometry, StationProperties>(Features);
