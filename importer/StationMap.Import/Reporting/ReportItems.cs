using System.Text.Json;

namespace StationMap.Import.Reporting;

/// <summary>
/// The bulk of the report files — a CSV line and a JSON object per rejection, warning, insert and update — rendered
/// once the merge has told every change, while the database still builds indexes and commits: on a million-row first
/// import that is 130 MB of text (1-2 s) taken off the end of the run. What was rendered is used only if the report
/// still has exactly those items when the files are written.
/// </summary>
internal sealed class ReportItems
{
    private ReportItems(int issues, int changes, MemoryStream csv, MemoryStream jsonTail)
    {
        Issues = issues;
        Changes = changes;
        Csv = csv;
        JsonTail = jsonTail;
    }

    public int Issues { get; }

    public int Changes { get; }

    /// <summary>The whole CSV file.</summary>
    public MemoryStream Csv { get; }

    /// <summary>The JSON file's items as the properties of an object of their own, <c>{"issues": [...], ... }</c>.</summary>
    public MemoryStream JsonTail { get; }

    public bool Matches(ImportReport report) => report.Issues.Count == Issues && report.Changes.Count == Changes;

    public static ReportItems Render(ImportReport report)
    {
        int issues = report.Issues.Count, changes = report.Changes.Count;
        // Sized from typical lines, so that the streams seldom copy themselves while growing.
        var csv = new MemoryStream(issues * 160 + changes * 36 + 4096);
        ReportFiles.WriteCsv(csv, report, issues, changes);
        var json = new MemoryStream(issues * 260 + changes * 110 + 4096);
        using (var writer = new Utf8JsonWriter(json, ReportJson.FileOptions))
        {
            writer.WriteStartObject();
            ReportJson.WriteItems(writer, report, issues, changes);
            writer.WriteEndObject();
        }
        return new ReportItems(issues, changes, csv, json);
    }
}
