namespace StationMap.Import;

/// <summary>
/// Where an import run is: reading and staging rows, merging them in the database, then matching the stations it wrote
/// with the other sources' (places), which holds the records it decides in memory.
/// </summary>
public enum ImportPhase
{
    Reading,
    Merging,
    MatchingPlaces,
    Done,
}

/// <summary>A progress report: the phase, rows read so far and bytes of the file consumed.</summary>
public readonly record struct ImportProgress(ImportPhase Phase, long RowsRead, long BytesRead, long TotalBytes);
