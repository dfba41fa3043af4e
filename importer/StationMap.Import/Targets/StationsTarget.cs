using Npgsql;
using StationMap.Import.Normalising;
using StationMap.Import.Reading;
using StationMap.Import.Reporting;
using StationMap.Store.Merging;
using StationMap.Store.Places;
using StationMap.Store.Stations;

namespace StationMap.Import.Targets;

/// <summary>
/// Stations (the default target): any format, OpenStreetMap included. A full import retires the source's stations the
/// file lacks (kept, with <c>retired_at</c>). Rows are normalised only once the stored stations are known, so that a
/// row whose raw text hashes as its stored station is passed on unchanged without being normalised. The stations the
/// run wrote are then matched against the other sources' (<see cref="PlaceMatching"/>), in the same transaction.
/// </summary>
internal sealed class StationsTarget(ImportOptions options, ImportReport report) : MergeTarget(options, report)
{
    public override bool ReadsOsm => true;

    public override bool RequiresKind => Options.DefaultKind is null;

    public override async Task<MergeCounts> MergeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<SourceRow> rows, ReadProgress progress,
        CancellationToken cancellationToken)
    {
        var normaliser = new RowNormaliser(Report, Options.Crs, Options.Region, Options.DefaultKind);
        var counts = await StationMerge.MergeAsync(
            connection, transaction, Options.Source, stored => progress.Of(normaliser.AcceptForMerge(rows, stored)),
            retireMissing: FullImport, Changes(normaliser.PositionOf), Options.PrepareReportFiles ? Report.StartRendering : null,
            Options.BulkLoadMaxStations, cancellationToken);
        if (counts.Inserted + counts.Updated + counts.Retired > 0)
        {
            progress.MatchingPlaces();
            Report.Places = await PlaceMatching.AfterImportAsync(connection, transaction, Options.Source, cancellationToken);
        }
        return counts;
    }
}
