namespace StationMap.Domain.Places;

/// <summary>What one piece of evidence says of two records: the same, different, or nothing (one of them lacks it).</summary>
public enum Agreement
{
    Unknown,
    Same,
    Different,
}
