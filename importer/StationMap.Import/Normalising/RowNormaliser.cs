using StationMap.Domain;
using StationMap.Domain.Queries;
using StationMap.Import.Reading;
using StationMap.Import.Reporting;
using StationMap.Store.Stations;

namespace StationMap.Import.Normalising;

/// <summary>
/// Turns raw rows into validated <see cref="StationRecord"/>s in WGS-84, writing every rejection and warning into the
/// report. Remembers the external ids it has accepted (to reject duplicates naming both positions, and to attribute
/// the merge's changes to positions).
/// </summary>
public sealed class RowNormaliser(ImportReport report, CoordinateSystem crs, BoundingBox? region, StationKind? defaultKind)
{
    // The position of each accepted external id, to reject later duplicates: ids the store already has are kept by
    // their stored number (no string kept per row: on a re-import of a million rows that dictionary cost a third of
    // the time, mostly in the garbage collector), the others by text.
    private readonly Dictionary<string, long> _accepted = new(StringComparer.Ordinal);
    private StoredStations? _stored;
    private long[] _storedPositions = [];

    // Used on the reading thread only (see ReadAhead).
    private readonly StationRowCheck _check = new(crs, region, defaultKind);
    private readonly SourceRowHash _sourceHash = new(crs, region, defaultKind);

    /// <summary>The position of the row that supplied <paramref name="externalId"/>.</summary>
    public long PositionOf(string externalId)
    {
        if (_stored?.IndexOf(externalId) is >= 0 and var i && _storedPositions[i] != 0)
        {
            return _storedPositions[i] - 1;
        }
        return _accepted.TryGetValue(externalId, out var position) ? position : -1;
    }

    /// <summary>The accepted records of <paramref name="rows"/>, lazily: rejected rows only go into the report.</summary>
    public IEnumerable<StationRecord> Accept(IEnumerable<SourceRow> rows) =>
        Accept(rows, stored: null, (_, record) => record).Select(row => row.Value!);

    /// <summary>
    /// The accepted rows of <paramref name="rows"/> for a merge: a row whose raw text hashes as its stored station's
    /// content hash is passed on as unchanged without being normalised (an unchanged re-import then costs little more
    /// than reading the file). A row with warnings is stored under a hash no raw row matches, so the next import
    /// normalises it again and reports its warnings again.
    /// </summary>
    public IEnumerable<StationMergeRow> AcceptForMerge(IEnumerable<SourceRow> rows, StoredStations stored) =>
        Accept(rows, stored, (_, record) => record).Select(row => row.KnownUnchanged
            ? StationMergeRow.Unchanged(row.ExternalId!, row.SourceHash)
            : new StationMergeRow(row.ExternalId!, row.Value, row.SourceHash));

    /// <summary>
    /// The accepted rows of <paramref name="rows"/> as checkpoints: validated like stations (the kind column is not
    /// needed), with the road kept from the row.
    /// </summary>
    public IEnumerable<Checkpoint> AcceptCheckpoints(IEnumerable<SourceRow> rows) =>
        Accept(rows, stored: null, (row, r) => new Checkpoint(r.ExternalId, r.Name, row[ImportField.Road], r.District, r.Lat, r.Lon))
            .Select(row => row.Value!);

    // Checking a row needs only the row, so rows are read and checked ahead on a thread of their own; the duplicate
    // check and the report, which need every row before, stay on the consumer's thread.
    private IEnumerable<CheckedRow<T>> Accept<T>(
        IEnumerable<SourceRow> rows, StoredStations? stored, Func<SourceRow, StationRecord, T> accepted)
        where T : class
    {
        if (stored is not null)
        {
            _stored = stored;
            _storedPositions = new long[stored.Count];
        }
        foreach (var row in ReadAhead.Of(rows, row => Check(row, stored, accepted)))
        {
            report.RowsRead++;
            var issues = row.Issues;
            var acceptable = row.Value is not null || row.KnownUnchanged;
            if (acceptable && row.ExternalId is { } id && FirstPosition(row, id) is { } first)
            {
                issues = [.. issues, new RowIssue(RowOutcome.Rejected, row.Position, id, "external_id", id,
                    $"duplicate external id: already on {report.PositionName} {first}; the first is kept")];
                acceptable = false;
            }
            foreach (var issue in issues)
            {
                report.Add(issue);
            }
            if (!acceptable)
            {
                report.Rejected++;
                continue;
            }
            report.Accepted++;
            yield return row;
        }
    }

    /// <summary>Null when the row is the first with this id (then it is recorded), else the position of the first.</summary>
    private long? FirstPosition<T>(CheckedRow<T> row, string id)
        where T : class
    {
        if (row.StoredIndex >= 0)
        {
            // Stored one more than the position: 0 means "not seen" (GeoJSON positions start at 0).
            ref var seen = ref _storedPositions[row.StoredIndex];
            if (seen != 0)
            {
                return seen - 1;
            }
            seen = row.Position + 1;
            return null;
        }
        return _accepted.TryAdd(id, row.Position) ? null : _accepted[id];
    }

    // On the reading thread: the row is current only until the reader moves on.
    private CheckedRow<T> Check<T>(SourceRow row, StoredStations? stored, Func<SourceRow, StationRecord, T> accepted)
        where T : class
    {
        if (stored is null)
        {
            return _check.Check(row, accepted);
        }
        var hash = _sourceHash.Of(row);
        var id = row[ImportField.ExternalId];
        var index = id is null ? -1 : stored.IndexOf(id);
        if (index >= 0 && row.Problem is null && stored.IsUnchanged(index, hash))
        {
            return new CheckedRow<T>(row.Position, id, null, [], hash, KnownUnchanged: true, index);
        }
        var checkedRow = _check.Check(row, accepted);
        // The record's external id is the row's (the check does not change it), so the stored number applies.
        return checkedRow with { SourceHash = checkedRow.Issues.Length == 0 ? hash : ~hash, StoredIndex = index };
    }
}
