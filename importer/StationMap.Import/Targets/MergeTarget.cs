using Npgsql;
using StationMap.Import.Reading;
using StationMap.Import.Reporting;
using StationMap.Store.Merging;

namespace StationMap.Import.Targets;

/// <summary>
/// Where an import's rows go: each target owns its normaliser and its merge rule (what a full import does with the
/// stored rows the file lacks), and merges through the Store's one merge primitive. The pipeline chooses the target
/// once, by <see cref="For"/>, and asks it everything that differs between targets.
/// </summary>
internal abstract class MergeTarget(ImportOptions options, ImportReport report)
{
    public static MergeTarget For(ImportOptions options, ImportReport report) => options.Target switch
    {
        ImportTarget.Checkpoints => new CheckpointsTarget(options, report),
        ImportTarget.Demand => new DemandTarget(options, report),
        ImportTarget.Candidates => new CandidatesTarget(options, report),
        _ => new StationsTarget(options, report),
    };

    /// <summary>Whether the file may be OpenStreetMap XML, whose tags only describe stations.</summary>
    public virtual bool ReadsOsm => false;

    /// <summary>Whether a CSV file must have a kind column.</summary>
    public virtual bool RequiresKind => false;

    /// <summary>Why this target refuses a full import, or null when it takes one.</summary>
    public virtual string? RefusesFullImport => null;

    protected ImportOptions Options => options;

    protected ImportReport Report => report;

    /// <summary>A full import: the merge applies the target's rule to the stored rows the file lacks.</summary>
    protected bool FullImport => options.Mode == ImportMode.Full;

    /// <summary>
    /// Normalises <paramref name="rows"/> (rejections and warnings go into the report), merges the accepted ones
    /// within <paramref name="transaction"/> and records each change against its row.
    /// </summary>
    public abstract Task<MergeCounts> MergeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<SourceRow> rows, ReadProgress progress,
        CancellationToken cancellationToken);

    /// <summary>What the merge tells of each inserted (true) or updated (false) row, as a change at the row's position.</summary>
    protected Action<string, bool> Changes(Func<string, long> positionOf) => (externalId, inserted) =>
        report.AddChange(new RowChange(inserted ? RowOutcome.Inserted : RowOutcome.Updated, positionOf(externalId), externalId));
}
