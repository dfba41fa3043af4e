namespace StationMap.Domain.Nearest;

/// <summary>
/// One station of a nearest answer: its position in the <see cref="StationIndex"/>, its geodesic distance and the
/// initial bearing towards it (both from the one inverse solution the search computes anyway).
/// </summary>
public readonly record struct NearestHit(int Position, double DistanceM, double BearingDegrees);
