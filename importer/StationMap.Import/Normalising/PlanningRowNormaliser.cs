using System.Globalization;
using StationMap.Domain.Planning;
using StationMap.Domain.Queries;
using StationMap.Import.Reading;
using StationMap.Import.Reporting;

namespace StationMap.Import.Normalising;

/// <summary>
/// Turns raw rows into validated demand points or candidate sites in WGS-84, with the same row-numbered report as
/// stations: every rejection and warning names the position, field, value and reason.
/// </summary>
/// <param name="defaultLayer">The layer of demand rows without a layer value (the CLI's <c>--layer</c>).</param>
public sealed class PlanningRowNormaliser(ImportReport report, CoordinateSystem crs, BoundingBox? region, string? defaultLayer)
{
    private const double MaxWeight = 1e9;
    private readonly Dictionary<string, long> _accepted = new(StringComparer.Ordinal);
    private readonly List<RowIssue> _rowIssues = [];

    /// <summary>The position of the row that supplied <paramref name="externalId"/>.</summary>
    public long PositionOf(string externalId) => _accepted.TryGetValue(externalId, out var position) ? position : -1;

    public IEnumerable<DemandRecord> AcceptDemand(IEnumerable<SourceRow> rows) => Accept(rows, Demand);

    public IEnumerable<CandidateRecord> AcceptCandidates(IEnumerable<SourceRow> rows) => Accept(rows, Candidate);

    private IEnumerable<T> Accept<T>(IEnumerable<SourceRow> rows, Func<SourceRow, T?> normalise)
        where T : class
    {
        foreach (var row in rows)
        {
            report.RowsRead++;
            _rowIssues.Clear();
            var record = row.Problem is { } problem
                ? Reject<T>(row, problem.Field, problem.Value, problem.Reason)
                : normalise(row);
            var rejected = _rowIssues.Any(i => i.Outcome == RowOutcome.Rejected);
            foreach (var issue in _rowIssues)
            {
                report.Add(issue);
            }
            if (rejected || record is null)
            {
                report.Rejected++;
                continue;
            }
            report.Accepted++;
            yield return record;
        }
    }

    private DemandRecord? Demand(SourceRow row)
    {
        var (id, name) = Identity(row);
        var layer = row[ImportField.Layer] ?? defaultLayer;
        if (layer is null)
        {
            Reject<DemandRecord>(row, "layer", null, "is required (or give --layer)");
        }
        var weight = Weight(row);
        var position = RowCoordinates.Read(row, crs, region, (field, value, reason) => Reject<DemandRecord>(row, field, value, reason));
        if (HasRejections || id is null || name is null || layer is null || weight is null || position is null || !Remember(row, id))
        {
            return null;
        }
        return new DemandRecord(id, layer, name, weight.Value, row[ImportField.District], position.Value.Lat, position.Value.Lon);
    }

    private CandidateRecord? Candidate(SourceRow row)
    {
        var (id, name) = Identity(row);
        var hostType = row[ImportField.HostType] ?? row[ImportField.Kind];
        if (hostType is null)
        {
            Reject<CandidateRecord>(row, "host_type", null, "is required (a host_type, type or 类型 column)");
        }
        var capacity = Capacity(row);
        var position = RowCoordinates.Read(row, crs, region, (field, value, reason) => Reject<CandidateRecord>(row, field, value, reason));
        if (HasRejections || id is null || name is null || hostType is null || position is null || !Remember(row, id))
        {
            return null;
        }
        return new CandidateRecord(
            id, hostType, name, capacity, row[ImportField.District], row[ImportField.Address], position.Value.Lat, position.Value.Lon);
    }

    private bool HasRejections => _rowIssues.Any(i => i.Outcome == RowOutcome.Rejected);

    private (string? Id, string? Name) Identity(SourceRow row)
    {
        var id = row[ImportField.ExternalId];
        if (id is null)
        {
            Reject<object>(row, "external_id", null, "is required");
        }
        var name = row[ImportField.Name];
        if (name is null)
        {
            Reject<object>(row, "name", null, "is required");
        }
        return (id, name);
    }

    private double? Weight(SourceRow row)
    {
        var text = row[ImportField.Weight];
        if (text is null)
        {
            Reject<object>(row, "weight", null, "is required");
            return null;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || !double.IsFinite(weight)
            || weight < 0 || weight > MaxWeight)
        {
            Reject<object>(row, "weight", text, $"must be a number in [0, {MaxWeight:0e0}]");
            return null;
        }
        return weight;
    }

    private int? Capacity(SourceRow row)
    {
        var text = row[ImportField.Capacity];
        if (text is null)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var capacity) && capacity >= 0)
        {
            return capacity;
        }
        _rowIssues.Add(new RowIssue(RowOutcome.Warning, row.Position, row[ImportField.ExternalId], "capacity", text, "not a whole number ≥ 0; left empty"));
        return null;
    }

    private bool Remember(SourceRow row, string id)
    {
        if (_accepted.TryGetValue(id, out var first))
        {
            Reject<object>(row, "external_id", id, $"duplicate external id: already on {report.PositionName} {first}; the first is kept");
            return false;
        }
        _accepted.Add(id, row.Position);
        return true;
    }

    private T? Reject<T>(SourceRow row, string field, string? value, string reason)
        where T : class
    {
        _rowIssues.Add(new RowIssue(RowOutcome.Rejected, row.Position, row[ImportField.ExternalId], field, value, reason));
        return null;
    }
}
