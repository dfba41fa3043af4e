namespace StationMap.Import;

/// <summary>Where an import run is: reading and staging rows, then merging them in the database.</summary>
public enum ImportPhase
{
    Reading,
    Merging,
    Done,
}

/// <summary>A progress report: the phase, rows read so far and bytes of the file consumed.</summary>
public readonly record struct ImportProgress(ImportPhase Phase, long RowsRead, long BytesRead, long TotalBytes);
