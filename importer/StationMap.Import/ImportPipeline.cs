using System.Diagnostics;
using System.Security.Cryptography;
using Npgsql;
using StationMap.Import.Normalising;
using StationMap.Import.Reading;
using StationMap.Import.Reporting;
using StationMap.Import.Targets;
using StationMap.Store.Imports;

namespace StationMap.Import;

/// <summary>
/// One import run: read (streaming) → normalise and validate → binary COPY into staging → one transaction that upserts,
/// applies the target's rule to the rows the file lacks (full mode) and records the run. Whatever goes wrong, the store is either fully updated or
/// exactly as before; the run is recorded either way when the database can still be reached.
/// </summary>
public static class ImportPipeline
{
    /// <summary>How many issues and changes the database copy of a report keeps (the report files keep all).</summary>
    public const int StoredReportItems = 1000;

    public static async Task<ImportResult> RunAsync(
        NpgsqlDataSource dataSource,
        ImportOptions options,
        Action<ImportProgress>? progress,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var report = new ImportReport();
        var target = MergeTarget.For(options, report);
        var run = new ImportRunInfo(
            options.Source, Path.GetFileName(options.FilePath), options.Format.ToWire(),
            options.Crs.ToWire(), options.Mode == ImportMode.Full ? "full" : "incremental");
        string? sha256 = null;

        ImportResult Finish(ImportStatus status, string? error, long? runId = null) =>
            new(status, report, sha256, started, time.GetUtcNow(), error, runId);

        FileStream? file = null;
        IStationReader reader;
        // The checksum reads the file a second time, on a thread of its own, once the import has read it (while the
        // database finishes the merge): it is only needed when the run is recorded.
        Task<string>? checksum = null;
        Task<string> Checksum() => checksum ??= Sha256Async(options.FilePath, cancellationToken);
        try
        {
            file = new FileStream(options.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            reader = Open(file, options, target);
            report.PositionName = reader.PositionName;
        }
        catch (Exception e) when (e is ImportInputException or IOException or UnauthorizedAccessException)
        {
            // A file that cannot be opened has no checksum; one that opens but does not parse has one.
            sha256 = file is null ? null : await Checksum();
            var invalid = Finish(ImportStatus.InvalidInput, e.Message);
            return await RecordOutsideAsync(dataSource, invalid, run, cancellationToken);
        }

        using (reader)
        {
            if (options.Mode == ImportMode.Full && target.RefusesFullImport is { } refusal)
            {
                sha256 = await Checksum();
                var invalid = Finish(ImportStatus.InvalidInput, refusal);
                return await RecordOutsideAsync(dataSource, invalid, run, cancellationToken);
            }
            var readProgress = new ReadProgress(report, file, progress, readDone: () => Checksum());
            ImportResult result;
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                var counts = await target.MergeAsync(connection, transaction, reader.Rows(), readProgress, cancellationToken);
                sha256 = await Checksum();
                report.Retired = counts.Retired;

                if (options.Mode == ImportMode.Full && report.Accepted == 0)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    result = Finish(ImportStatus.InvalidInput,
                        "no row was accepted: a full import would retire every station of the source, so nothing was changed");
                }
                else if (options.Strict && report.Rejected > 0)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    result = Finish(ImportStatus.Rejected, $"--strict: {report.Rejected} row(s) rejected, nothing was committed");
                }
                else if (options.DryRun)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    result = Finish(ImportStatus.DryRun, null);
                }
                else
                {
                    result = Finish(report.Rejected > 0 ? ImportStatus.Partial : ImportStatus.Succeeded, null);
                    var runId = await ImportRunQueries.InsertAsync(
                        connection, transaction, ToRun(result, run), ReportJson.ToJson(result, run, StoredReportItems), cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    result = result with { RunId = runId };
                }
            }
            catch (ImportInputException e)
            {
                report.ClearChanges();
                sha256 = await Checksum();
                result = Finish(ImportStatus.InvalidInput, e.Message);
            }
            catch (NpgsqlException e)
            {
                report.ClearChanges();
                sha256 = await Checksum();
                result = Finish(ImportStatus.Failed, "database failure, nothing was changed: " + e.Message);
            }
            progress?.Invoke(new ImportProgress(ImportPhase.Done, report.RowsRead, file.Length, file.Length));
            return result.Committed ? result : await RecordOutsideAsync(dataSource, result, run, cancellationToken);
        }
    }

    // The one place a format becomes a reader: every reader gives the same row shape (SourceRow).
    private static IStationReader Open(FileStream file, ImportOptions options, MergeTarget target) => options.Format switch
    {
        _ when options.Format.IsOsm() && !target.ReadsOsm =>
            throw new ImportInputException($"--target {options.Target.ToWire()} reads CSV, Excel or GeoJSON, not OpenStreetMap data"),
        InputFormat.Csv => new CsvStationReader(
            file, TextEncodings.Get(options.Encoding), options.FieldNames, options.Delimiter, kindRequired: target.RequiresKind),
        InputFormat.Xlsx => new XlsxStationReader(file, options.FieldNames, options.Sheet, kindRequired: target.RequiresKind),
        InputFormat.GeoJson => new GeoJsonStationReader(file, options.FieldNames),
        InputFormat.OsmPbf => new OsmPbfStationReader(file),
        _ => new OsmStationReader(file),
    };

    /// <summary>Records a run that committed nothing, in its own transaction; if the database is gone, the run goes unrecorded.</summary>
    private static async Task<ImportResult> RecordOutsideAsync(
        NpgsqlDataSource dataSource, ImportResult result, ImportRunInfo run, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var id = await ImportRunQueries.InsertAsync(
                connection, null, ToRun(result, run), ReportJson.ToJson(result, run, StoredReportItems), cancellationToken);
            return result with { RunId = id };
        }
        catch (NpgsqlException e)
        {
            Trace.TraceWarning($"import run not recorded: {e.Message}");
            return result;
        }
    }

    private static ImportRun ToRun(ImportResult result, ImportRunInfo run) => new()
    {
        Source = run.Source,
        FileName = run.FileName,
        FileSha256 = result.FileSha256,
        Format = run.Format,
        Crs = run.Crs,
        Mode = run.Mode,
        Status = result.Status.ToWire(),
        RowsRead = result.Report.RowsRead,
        Inserted = result.Report.Inserted,
        Updated = result.Report.Updated,
        Unchanged = result.Report.Unchanged,
        Rejected = result.Report.Rejected,
        Retired = result.Report.Retired,
        Warnings = result.Report.Warnings,
        StartedAt = result.StartedAt,
        FinishedAt = result.FinishedAt,
        Error = result.Error,
    };

    private static Task<string> Sha256Async(string path, CancellationToken cancellationToken) =>
        Task.Run(() => Sha256(path, cancellationToken), cancellationToken);

    private static async Task<string> Sha256(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
