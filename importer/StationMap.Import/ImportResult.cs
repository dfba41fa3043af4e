using StationMap.Import.Reporting;

namespace StationMap.Import;

/// <summary>How an import run ended; the wire names are stored in <c>import_run.status</c>.</summary>
public enum ImportStatus
{
    /// <summary>Every row accepted, committed.</summary>
    Succeeded,

    /// <summary>Some rows rejected, the rest committed.</summary>
    Partial,

    /// <summary>Everything done but the commit, as asked.</summary>
    DryRun,

    /// <summary>Strict mode: rows were rejected, so nothing was committed.</summary>
    Rejected,

    /// <summary>The file or the arguments could not be used; nothing was committed.</summary>
    InvalidInput,

    /// <summary>The database failed; nothing was committed.</summary>
    Failed,
}

/// <summary>The outcome of one import run: its status, the row-level report and where it is recorded.</summary>
public sealed record ImportResult(
    ImportStatus Status,
    ImportReport Report,
    string? FileSha256,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string? Error,
    long? RunId)
{
    public bool Committed => Status is ImportStatus.Succeeded or ImportStatus.Partial;

    /// <summary>0 all rows accepted, 1 some rejected (the rest imported), 2 unusable input or refused by --strict, 3 database failure.</summary>
    public int ExitCode => Status switch
    {
        ImportStatus.Succeeded => 0,
        ImportStatus.Partial => 1,
        ImportStatus.DryRun => Report.Rejected > 0 ? 1 : 0,
        ImportStatus.Rejected or ImportStatus.InvalidInput => 2,
        _ => 3,
    };

    public TimeSpan Duration => FinishedAt - StartedAt;
}

public static class ImportStatuses
{
    public static string ToWire(this ImportStatus status) => status switch
    {
        ImportStatus.Succeeded => "succeeded",
        ImportStatus.Partial => "partial",
        ImportStatus.DryRun => "dry_run",
        ImportStatus.Rejected => "rejected",
        ImportStatus.InvalidInput => "invalid_input",
        _ => "failed",
    };
}
