namespace StationMap.Domain.Nearest;

/// <summary>One station of a nearest answer: its position in the <see cref="StationIndex"/> and its geodesic distance.</summary>
public readonly record struct NearestHit(int Position, double DistanceM);
