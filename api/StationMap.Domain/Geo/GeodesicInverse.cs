namespace StationMap.Domain.Geo;

/// <summary>The solution of the inverse geodesic problem between two points on the WGS-84 ellipsoid.</summary>
/// <param name="DistanceMeters">Length of the shortest geodesic, in metres.</param>
/// <param name="InitialBearingDegrees">Azimuth of that geodesic at the first point, clockwise from true north, in [0, 360).</param>
public readonly record struct GeodesicInverse(double DistanceMeters, double InitialBearingDegrees);
