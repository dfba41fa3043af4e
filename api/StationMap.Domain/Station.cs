namespace StationMap.Domain;

/// <summary>A station as stored: its record plus the store's identity and lifecycle.</summary>
public sealed record Station(long Id, string Source, StationRecord Record, DateTimeOffset UpdatedAt, DateTimeOffset? RetiredAt)
{
    public bool IsRetired => RetiredAt is not null;
}
