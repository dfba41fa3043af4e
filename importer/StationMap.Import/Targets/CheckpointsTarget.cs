using Npgsql;
using StationMap.Domain;
using StationMap.Import.Normalising;
using StationMap.Import.Reading;
using StationMap.Import.Reporting;
using StationMap.Store.Checkpoints;
using StationMap.Store.Merging;

namespace StationMap.Import.Targets;

/// <summary>
/// Police/highway checkpoints, validated like stations but without a kind, the road kept from the row. Imported
/// incrementally only: checkpoints have no retired state, and deleting the ones a file lacks would lose them.
/// </summary>
internal sealed class CheckpointsTarget(ImportOptions options, ImportReport report) : MergeTarget(options, report)
{
    public override string? RefusesFullImport =>
        "checkpoints are imported incrementally only: --mode full would delete the missing ones";

    public override Task<MergeCounts> MergeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<SourceRow> rows, ReadProgress progress,
        CancellationToken cancellationToken)
    {
        var normaliser = new RowNormaliser(Report, Options.Crs, Options.Region, StationKind.CheckpointRestStop);
        var checkpoints = progress.Of(normaliser.AcceptCheckpoints(WithoutKind(rows)));
        return CheckpointMerge.MergeAsync(
            connection, transaction, Options.Source, checkpoints, Changes(normaliser.PositionOf), cancellationToken);
    }

    // A checkpoint has no kind: whatever a kind column says must not reject the row.
    private static IEnumerable<SourceRow> WithoutKind(IEnumerable<SourceRow> rows)
    {
        foreach (var row in rows)
        {
            row[ImportField.Kind] = null;
            yield return row;
        }
    }
}
