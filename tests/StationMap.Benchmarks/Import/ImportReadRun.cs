using System.Diagnostics;
using System.Text;
using StationMap.Benchmarks.Nearest;
using StationMap.Import.Normalising;
using StationMap.Import.Reading;
using StationMap.Import.Reporting;

namespace StationMap.Benchmarks.Import;

/// <summary>
/// The importer's client side alone: read and normalise a CSV (header mapping, validation, GCJ-02/BD-09 to WGS-84,
/// hours check), no database. Shows how much of an import's time is ours before a row reaches PostgreSQL.
/// </summary>
internal static class ImportReadRun
{
    public static int Run(string[] args)
    {
        var options = new CommandOptions(args);
        var path = options.Get("file");
        CoordinateSystems.TryParse(options.Get("crs"), out var crs);
        var watch = Stopwatch.StartNew();
        using var file = File.OpenRead(path);
        using var reader = new CsvStationReader(file, Encoding.UTF8, FieldNames.Default, delimiter: null, kindRequired: true);
        var report = new ImportReport();
        long accepted = 0;
        if (options.Get("stage", "all") == "read")
        {
            long rows = 0;
            foreach (var _ in reader.Rows())
            {
                rows++;
            }
            var readSeconds = watch.Elapsed.TotalSeconds;
            Console.WriteLine($"read: {rows:N0} rows in {readSeconds:0.00} s = {rows / readSeconds:N0} rows/s");
            return 0;
        }
        foreach (var _ in new RowNormaliser(report, crs, region: null, defaultKind: null).Accept(reader.Rows()))
        {
            accepted++;
        }
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"read+normalise: {accepted:N0} rows accepted of {report.RowsRead:N0} in {seconds:0.00} s = {report.RowsRead / seconds:N0} rows/s");
        return 0;
    }
}
