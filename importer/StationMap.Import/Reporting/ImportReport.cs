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
    private Task<ReportItems>? _rendering;

    /// <summary>"line", "row", "feature" or "node": what <see cref="RowIssue.Position"/> counts.</summary>
    public string PositionName { get; set; } = "line";

    public long RowsRead { get; internal set; }

    public long Accepted { get; internal set; }

    public long Rejected { get; internal set; }

    public long Warnings { get; internal set; }

    /// <summary>Of <see cref="Rejected"/>, the rows that had an address but no coordinates (nothing is geocoded).</summary>
    public long AddressOnly { get; internal set; }

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
        else if (string.Equals(issue.Reason, Normalising.RowCoordinates.AddressWithoutCoordinates, StringComparison.Ordinal))
        {
            AddressOnly++;
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

    /// <summary>
    /// Starts rendering the report files' items on a thread of their own (<see cref="ReportItems"/>). Called once every
    /// change has been told: the items must not change while it runs (<see cref="ClearChanges"/> waits for it).
    /// </summary>
    internal void StartRendering() =>
        _rendering ??= Task.Factory.StartNew(
            () => ReportItems.Render(this), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>The items rendered ahead, once the rendering is done, if the report still has exactly those items; else null.</summary>
    internal ReportItems? RenderedItems()
    {
        if (_rendering is not { } rendering)
        {
            return null;
        }
        var items = rendering.GetAwaiter().GetResult();
        return items.Matches(this) ? items : null;
    }

    /// <summary>Forgets what the merge did (it was rolled back before it could be counted).</summary>
    internal void ClearChanges()
    {
        // A rendering still running reads the lists; what it rendered (or how it failed) no longer matters.
        ((IAsyncResult?)_rendering)?.AsyncWaitHandle.WaitOne();
        _rendering = null;
        _changes.Clear();
        Inserted = 0;
        Updated = 0;
        Places = null;
    }
}
