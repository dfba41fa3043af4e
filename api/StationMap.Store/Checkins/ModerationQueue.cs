namespace StationMap.Store.Checkins;

/// <summary>
/// One thing for an operator to decide: a comment, or a station that people say has closed for good (all its pending
/// reports in one item, with how many distinct devices sent them).
/// </summary>
/// <param name="Id">The check-in to approve or reject: the comment's, or the oldest pending closure report of the station.</param>
public sealed record ModerationItem(
    long Id, string Type, long StationId, string StationName, string? District, bool StationRetired, string Kind, string? Comment,
    DateTimeOffset FirstAt, DateTimeOffset LastAt, int Devices, int ClosedReportsToday, IReadOnlyList<string> Comments);

/// <summary>What a decision did.</summary>
public enum ModerationOutcome
{
    Done,
    NotFound,
    /// <summary>Already decided (or, for a revert, nothing to revert).</summary>
    NotPending,
}
