namespace StationMap.Domain.Planning;

/// <summary>A validated demand row as the importer stores it (WGS-84).</summary>
public sealed record DemandRecord(string ExternalId, string Layer, string Name, double Weight, string? District, double Lat, double Lon);

/// <summary>A validated candidate-site row as the importer stores it (WGS-84).</summary>
public sealed record CandidateRecord(
    string ExternalId, string HostType, string Name, int? Capacity, string? District, string? Address, double Lat, double Lon);
