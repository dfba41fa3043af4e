namespace StationMap.Store.Imports;

/// <summary>One import attempt as recorded in <c>import_run</c>.</summary>
public sealed record ImportRun
{
    public long Id { get; init; }
    public required string Source { get; init; }
    public string? FileName { get; init; }
    public string? FileSha256 { get; init; }
    public required string Format { get; init; }
    public required string Crs { get; init; }
    public required string Mode { get; init; }
    public required string Status { get; init; }
    public long RowsRead { get; init; }
    public long Inserted { get; init; }
    public long Updated { get; init; }
    public long Unchanged { get; init; }
    public long Rejected { get; init; }
    public long Retired { get; init; }
    public long Warnings { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }
    public long DurationMs { get; init; }
    public string? Error { get; init; }
}
