using System.Text;

namespace StationMap.Import.Reporting;

/// <summary>
/// Writes the full report next to the input (<c>FILE.report.csv</c> and <c>FILE.report.json</c>) or at a given path:
/// one CSV line per rejection, warning, insert and update; unchanged rows are every other accepted row.
/// </summary>
public static class ReportFiles
{
    /// <summary>The two paths for <paramref name="inputPath"/> and an optional <c>--report</c> value.</summary>
    public static (string Csv, string Json) PathsFor(string inputPath, string? reportPath)
    {
        var stem = reportPath ?? inputPath + ".report";
        var extension = Path.GetExtension(stem).ToLowerInvariant();
        if (extension is ".csv" or ".json")
        {
            stem = stem[..^extension.Length];
        }
        return (stem + ".csv", stem + ".json");
    }

    public static void Write(ImportResult result, ImportRunInfo run, string csvPath, string jsonPath)
    {
        var items = result.Report.RenderedItems();
        using (var json = File.Create(jsonPath))
        {
            ReportJson.WriteFile(json, result, run, items);
        }
        using var csv = File.Create(csvPath);
        if (items is not null)
        {
            items.Csv.WriteTo(csv);
        }
        else
        {
            WriteCsv(csv, result.Report, result.Report.Issues.Count, result.Report.Changes.Count);
        }
    }

    /// <summary>The CSV file of the first <paramref name="issues"/> issues and <paramref name="changes"/> changes.</summary>
    internal static void WriteCsv(Stream stream, ImportReport report, int issues, int changes)
    {
        using var csv = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
        csv.WriteLine($"outcome,{report.PositionName},external_id,field,value,reason");
        for (var i = 0; i < issues; i++)
        {
            var issue = report.Issues[i];
            var outcome = issue.Outcome == RowOutcome.Rejected ? "rejected" : "warning";
            csv.WriteLine($"{outcome},{issue.Position},{Quote(issue.ExternalId)},{Quote(issue.Field)},{Quote(issue.Value)},{Quote(issue.Reason)}");
        }
        for (var i = 0; i < changes; i++)
        {
            var change = report.Changes[i];
            var outcome = change.Outcome == RowOutcome.Inserted ? "inserted" : "updated";
            csv.WriteLine($"{outcome},{change.Position},{Quote(change.ExternalId)},,,");
        }
    }

    private static string Quote(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
