using StationMap.Import.Reporting;

namespace StationMap.Import;

/// <summary>
/// Tells an import's progress while its accepted rows pass on to the merge: the phase, the rows read and how far into
/// the file the reader is, every so many rows, and once reading is done (then <paramref name="readDone"/> too).
/// </summary>
internal sealed class ReadProgress(ImportReport report, FileStream file, Action<ImportProgress>? progress, Action? readDone = null)
{
    private const int Every = 16_384;

    public IEnumerable<T> Of<T>(IEnumerable<T> records)
    {
        var length = file.Length;
        var next = Every;
        progress?.Invoke(new ImportProgress(ImportPhase.Reading, 0, 0, length));
        foreach (var record in records)
        {
            yield return record;
            if (progress is not null && report.RowsRead >= next)
            {
                next += Every;
                progress(new ImportProgress(ImportPhase.Reading, report.RowsRead, file.Position, length));
            }
        }
        progress?.Invoke(new ImportProgress(ImportPhase.Merging, report.RowsRead, length, length));
        readDone?.Invoke();
    }

    /// <summary>The merge is done and the stations it wrote are being matched into places.</summary>
    public void MatchingPlaces() => progress?.Invoke(new ImportProgress(ImportPhase.MatchingPlaces, report.RowsRead, file.Length, file.Length));
}
