using StationMap.Import;
using StationMap.Import.Normalising;
using StationMap.Import.Reading;
using StationMap.Store;

namespace StationMap.Api.Sources;

/// <summary>Runs the import pipeline of StationMap.Import on a fetched feed: the same pipeline as the command line.</summary>
public sealed class FeedImport(StationDataSources dataSources, TimeProvider time, ILogger<FeedImport> logger)
{
    /// <summary>Imports the feed; throws when nothing was committed, so that Hangfire retries the refresh.</summary>
    public async Task RunAsync(RefreshSourceOptions source, FetchedFeed feed, CancellationToken cancellationToken)
    {
        CoordinateSystems.TryParse(source.Crs, out var crs);
        InputFormats.TryParse(source.Format, out var format);
        var options = new ImportOptions
        {
            FilePath = feed.Path,
            Source = source.Name,
            Format = format,
            Sheet = source.Sheet,
            Crs = crs,
            Mode = source.Mode == "full" ? ImportMode.Full : ImportMode.Incremental,
            Encoding = source.Encoding,
            FieldNames = source.Mapping is null ? FieldNames.Default : FieldNames.FromFile(source.Mapping),
        };
        var result = await ImportPipeline.RunAsync(dataSources.Write, options, progress: null, time, cancellationToken);
        var report = result.Report;
        logger.LogInformation(
            "Refresh of {Source}: {Status}; {Inserted} inserted, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected, {Retired} retired",
            source.Name, result.Status.ToWire(), report.Inserted, report.Updated, report.Unchanged, report.Rejected, report.Retired);
        if (!result.Committed)
        {
            throw new FeedImportException($"import of source '{source.Name}' {result.Status.ToWire()}: {result.Error}");
        }
    }
}

/// <summary>A refresh whose import committed nothing; the import run records why.</summary>
public sealed class FeedImportException(string message) : Exception(message);
