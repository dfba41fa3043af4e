namespace StationMap.Import.Reporting;

/// <summary>
/// The row-level account of one import: every row read ends as exactly one of inserted, updated, unchanged or
/// rejected (<see cref="RowsRead"/> = <see cref="Inserted"/> + <see cref="Updated"/> + <see cref="Unchanged"/> +
/// <see cref="Rejected"/>), and every rejection and warning says where, which field, which value and why.
/// </summary>
public sealed class ImportReport
{
    private readonly List<RowIssue> _issues = [];
    private readonly List<RowChange> _changes = [];

    /// <summary>"line", "feature" or "node": what <see cref="RowIssue.Position"/> counts.</summary>
    public string PositionName { get; set; } = "line";

    public long RowsRead { get; internal set; }

    public long Accepted { get; internal set; }

    public long Rejected { get; internal set; }

    public long Warnings { get; internal set; }

    public long Inserted { get; internal set; }

    public long Updated { get; internal set; }

    public long Unchanged => Accepted - Inserted - Updated;

    public long Retired { get; internal set; }

    /// <summary>What matching the run's stations against the other sources did; null when nothing was written.</summary>
    public StationMap.Store.Places.PlaceMatchSummary? Places { get; internal set; }

    /// <summary>Rejections and warnings in input order.</summary>
    public IReadOnlyList<RowIssue> Issues => _issues;

    /// <summary>Inserted and updated rows, in the order the database reported them.</summary>
    public IReadOnlyList<RowChange> Changes => _changes;

    internal void Add(RowIssue issue)
    {
        _issues.Add(issue);
        if (issue.Outcome == RowOutcome.Warning)
        {
            Warnings++;
        }
    }

    internal void AddChange(RowChange change)
    {
        _changes.Add(change);
        if (change.Outcome == RowOutcome.Inserted)
        {
            Inserted++;
        }
        else
        {
            Updated++;
        }
    }

    /// <summary>Forgets what the merge did (it was rolled back before it could be counted).</summary>
    internal void ClearChanges()
    {
        _changes.Clear();
        Inserted = 0;
        Updated = 0;
        Places = null;
    }
}
