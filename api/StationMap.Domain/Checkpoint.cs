namespace StationMap.Domain;

/// <summary>A police or highway checkpoint where heavy-truck drivers stop; (source, <see cref="ExternalId"/>) identifies it.</summary>
public sealed record Checkpoint(string ExternalId, string Name, string? Road, string? District, double Lat, double Lon);
