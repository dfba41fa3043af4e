namespace StationMap.Domain;

/// <summary>A police or highway checkpoint where heavy-truck drivers stop.</summary>
public sealed record Checkpoint(string ExternalId, string Name, string Road, string District, double Lat, double Lon);
