using Npgsql;
using StationMap.Import.Normalising;
using StationMap.Import.Reading;
using StationMap.Import.Reporting;
using StationMap.Store.Merging;

namespace StationMap.Import.Targets;

/// <summary>
/// Demand points and candidate sites, the inputs of planning: CSV or GeoJSON, normalised by
/// <see cref="PlanningRowNormaliser"/>. A full import deletes the source's rows the file lacks: finished planning runs
/// keep their own snapshot, so there is no history to keep.
/// </summary>
/// <param name="accept">The normaliser's method for this kind of record.</param>
/// <param name="merge">The Store's merge of this kind of record.</param>
internal abstract class PlanningTarget<T>(
    ImportOptions options,
    ImportReport report,
    Func<PlanningRowNormaliser, IEnumerable<SourceRow>, IEnumerable<T>> accept,
    Func<NpgsqlConnection, NpgsqlTransaction, string, IEnumerable<T>, bool, Action<string, bool>?, CancellationToken, Task<MergeCounts>> merge)
    : MergeTarget(options, report)
{
    public sealed override Task<MergeCounts> MergeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<SourceRow> rows, ReadProgress progress,
        CancellationToken cancellationToken)
    {
        var normaliser = new PlanningRowNormaliser(Report, Options.Crs, Options.Region, Options.DefaultLayer);
        var records = progress.Of(accept(normaliser, ReadAhead.Rows(rows)));
        var deleteMissing = FullImport;
        return merge(connection, transaction, Options.Source, records, deleteMissing, Changes(normaliser.PositionOf), cancellationToken);
    }
}
