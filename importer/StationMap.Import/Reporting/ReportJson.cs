using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace StationMap.Import.Reporting;

/// <summary>The report as JSON: the summary, then issues and changes (optionally capped, for the database copy).</summary>
public static class ReportJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ToJson(ImportResult result, ImportRunInfo run, int maxItems)
    {
        using var buffer = new MemoryStream();
        Write(buffer, result, run, maxItems, indented: false);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>How the report file is written: indented for people who open it.</summary>
    internal static JsonWriterOptions FileOptions { get; } = Options with { Indented = true };

    public static void Write(Stream stream, ImportResult result, ImportRunInfo run, int maxItems, bool indented)
    {
        using var json = new Utf8JsonWriter(stream, Options with { Indented = indented });
        var report = result.Report;
        json.WriteStartObject();
        WriteSummary(json, result, run);
        WriteItems(json, report, Math.Min(maxItems, report.Issues.Count), Math.Min(maxItems, report.Changes.Count));
        json.WriteEndObject();
    }

    /// <summary>
    /// The report file: as <see cref="Write"/> with every item, indented, the items taken from
    /// <paramref name="items"/> when they were rendered ahead (the same bytes either way).
    /// </summary>
    internal static void WriteFile(Stream stream, ImportResult result, ImportRunInfo run, ReportItems? items)
    {
        if (items is null)
        {
            Write(stream, result, run, int.MaxValue, indented: true);
            return;
        }
        using (var json = new Utf8JsonWriter(stream, FileOptions))
        {
            json.WriteStartObject();
            WriteSummary(json, result, run);
        }
        // The rendered items are the properties of an object of their own: its '{' gives way to the summary's ','.
        stream.WriteByte((byte)',');
        stream.Write(items.JsonTail.GetBuffer().AsSpan(1, (int)items.JsonTail.Length - 1));
    }

    private static void WriteSummary(Utf8JsonWriter json, ImportResult result, ImportRunInfo run)
    {
        var report = result.Report;
        json.WriteString("source", run.Source);
        json.WriteString("file", run.FileName);
        json.WriteString("sha256", result.FileSha256);
        json.WriteString("format", run.Format);
        json.WriteString("crs", run.Crs);
        json.WriteString("mode", run.Mode);
        json.WriteString("status", result.Status.ToWire());
        json.WriteBoolean("committed", result.Committed);
        json.WriteString("startedAt", result.StartedAt);
        json.WriteString("finishedAt", result.FinishedAt);
        json.WriteNumber("durationMs", (long)result.Duration.TotalMilliseconds);
        if (result.Error is not null)
        {
            json.WriteString("error", result.Error);
        }
        json.WriteString("position", report.PositionName);
        json.WriteNumber("rowsRead", report.RowsRead);
        json.WriteNumber("inserted", report.Inserted);
        json.WriteNumber("updated", report.Updated);
        json.WriteNumber("unchanged", report.Unchanged);
        json.WriteNumber("rejected", report.Rejected);
        json.WriteNumber("addressOnly", report.AddressOnly);
        json.WriteNumber("retired", report.Retired);
        json.WriteNumber("warnings", report.Warnings);
        if (report.Places is { } places)
        {
            json.WriteStartObject("places");
            json.WriteNumber("matched", places.Scope);
            json.WriteNumber("places", places.Places);
            json.WriteNumber("changed", places.Changed);
            json.WriteNumber("queued", places.Queued);
            json.WriteBoolean("fullPass", places.FullPass);
            json.WriteEndObject();
        }
    }

    /// <summary>The first <paramref name="issues"/> issues and <paramref name="changes"/> changes, and whether there are more.</summary>
    internal static void WriteItems(Utf8JsonWriter json, ImportReport report, int issues, int changes)
    {
        json.WriteStartArray("issues");
        for (var i = 0; i < issues; i++)
        {
            var issue = report.Issues[i];
            json.WriteStartObject();
            json.WriteString("outcome", issue.Outcome == RowOutcome.Rejected ? "rejected" : "warning");
            json.WriteNumber(report.PositionName, issue.Position);
            json.WriteString("externalId", issue.ExternalId);
            json.WriteString("field", issue.Field);
            json.WriteString("value", issue.Value);
            json.WriteString("reason", issue.Reason);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteBoolean("issuesTruncated", report.Issues.Count > issues);

        json.WriteStartArray("changes");
        for (var i = 0; i < changes; i++)
        {
            var change = report.Changes[i];
            json.WriteStartObject();
            json.WriteString("outcome", change.Outcome == RowOutcome.Inserted ? "inserted" : "updated");
            json.WriteNumber(report.PositionName, change.Position);
            json.WriteString("externalId", change.ExternalId);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteBoolean("changesTruncated", report.Changes.Count > changes);
    }
}

/// <summary>The run's inputs as they are recorded next to the report.</summary>
public sealed record ImportRunInfo(string Source, string FileName, string Format, string Crs, string Mode);
