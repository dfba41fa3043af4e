namespace StationMap.Import.Reporting;

/// <summary>What became of one input row, or one thing wrong with it.</summary>
public enum RowOutcome
{
    Inserted,
    Updated,
    Unchanged,
    Rejected,
    Warning,
}

/// <summary>
/// A rejection or a warning about one input row: where it is (line, feature index or node id), which field, the value
/// as read, and why. A rejected row has at least one rejection; a warning keeps the row.
/// </summary>
public sealed record RowIssue(RowOutcome Outcome, long Position, string? ExternalId, string Field, string? Value, string Reason);

/// <summary>A row that the merge inserted or updated (unchanged rows are every other accepted row).</summary>
public sealed record RowChange(RowOutcome Outcome, long Position, string ExternalId);
