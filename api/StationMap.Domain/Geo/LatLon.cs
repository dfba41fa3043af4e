namespace StationMap.Domain.Geo;

/// <summary>A latitude/longitude pair in degrees; which datum it is in (WGS-84, GCJ-02, BD-09) is up to the caller.</summary>
/// <param name="Lat">Latitude in degrees, positive north.</param>
/// <param name="Lon">Longitude in degrees, positive east.</param>
public readonly record struct LatLon(double Lat, double Lon);
