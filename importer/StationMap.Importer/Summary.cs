using System.Globalization;
using StationMap.Import;
using StationMap.Import.Reporting;

namespace StationMap.Importer;

/// <summary>The few lines the importer prints when a run ends.</summary>
internal static class Summary
{
    private const int ShownIssues = 10;

    public static void Print(ImportResult result, ImportRunInfo run, string csvPath, string jsonPath)
    {
        var r = result.Report;
        var seconds = Math.Max(result.Duration.TotalSeconds, 1e-6);
        var output = result.ExitCode == 0 ? Console.Out : Console.Error;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{run.FileName} -> source '{run.Source}' ({run.Format}, {run.Crs}, {run.Mode}): {result.Status.ToWire()} in {seconds:0.00} s ({r.RowsRead / seconds:#,0} rows/s)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  rows read {r.RowsRead}: inserted {r.Inserted}, updated {r.Updated}, unchanged {r.Unchanged}, rejected {r.Rejected}; retired {r.Retired}; warnings {r.Warnings}"));
        if (r.AddressOnly > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {r.AddressOnly} of the rejected rows have an address but no coordinates (addresses are not geocoded: add lat/lon)"));
        }
        if (r.Places is { Scope: > 0 } places)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  places: {places.Scope} stations matched, {places.Places} places of several sources, {places.Changed} stations changed place or pin, {places.Queued} pairs for review"));
        }
        if (result.Error is not null)
        {
            output.WriteLine($"  {result.Error}");
        }
        foreach (var issue in r.Issues.Take(ShownIssues))
        {
            var outcome = issue.Outcome == RowOutcome.Rejected ? "rejected" : "warning";
            output.WriteLine($"  {outcome} {r.PositionName} {issue.Position}: {issue.Field} '{issue.Value}' {issue.Reason}");
        }
        if (r.Issues.Count > ShownIssues)
        {
            output.WriteLine($"  ... {r.Issues.Count - ShownIssues} more in the report");
        }
        output.WriteLine(result.RunId is { } id ? $"  import run {id}; report {csvPath}, {jsonPath}" : $"  report {csvPath}, {jsonPath}");
    }
}
