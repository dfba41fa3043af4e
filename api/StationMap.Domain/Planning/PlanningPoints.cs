namespace StationMap.Domain.Planning;

/// <summary>A place where people need a station within reach, weighted by how many (drivers, riders, workers).</summary>
/// <param name="Id">Stable id; ties are broken by it so that results repeat.</param>
/// <param name="Lat">WGS-84 latitude in degrees.</param>
/// <param name="Lon">WGS-84 longitude in degrees.</param>
/// <param name="Weight">How much it matters to cover this point; non-negative.</param>
public readonly record struct DemandPoint(long Id, double Lat, double Lon, double Weight);

/// <summary>A located site: an existing station or a candidate host for a new one.</summary>
/// <param name="Id">Stable id; ties are broken by it so that results repeat.</param>
/// <param name="Lat">WGS-84 latitude in degrees.</param>
/// <param name="Lon">WGS-84 longitude in degrees.</param>
public readonly record struct SitePoint(long Id, double Lat, double Lon);
