namespace StationMap.Import;

/// <summary>Which table an import fills: stations (the default) or the checkpoints drivers stop at.</summary>
public enum ImportTarget
{
    Stations,
    Checkpoints,
}
