using System.Globalization;
using StationMap.Domain;
using StationMap.Domain.Geo;
using StationMap.Domain.Hours;
using StationMap.Domain.Queries;
using StationMap.Import.Reading;
using StationMap.Import.Reporting;

namespace StationMap.Import.Normalising;

/// <summary>
/// Turns raw rows into validated <see cref="StationRecord"/>s in WGS-84, writing every rejection and warning into the
/// report. Remembers the external ids it has accepted (to reject duplicates naming both positions, and to attribute
/// the merge's changes to positions).
/// </summary>
public sealed class RowNormaliser(ImportReport report, CoordinateSystem crs, BoundingBox? region, StationKind? defaultKind)
{
    private readonly Dictionary<string, long> _accepted = new(StringComparer.Ordinal);
    private readonly List<RowIssue> _rowIssues = [];
    private const int MaxCachedTexts = 50_000;

    private readonly List<string> _unknownAmenities = [];
    private readonly Dictionary<string, (string Stored, string? Error)> _hours = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Amenity Set, string[] Unknown)> _amenities = new(StringComparer.Ordinal);

    /// <summary>The position of the row that supplied <paramref name="externalId"/>.</summary>
    public long PositionOf(string externalId) => _accepted.TryGetValue(externalId, out var position) ? position : -1;

    /// <summary>The accepted records of <paramref name="rows"/>, lazily: rejected rows only go into the report.</summary>
    public IEnumerable<StationRecord> Accept(IEnumerable<SourceRow> rows) => Accept(rows, (_, record) => record);

    /// <summary>
    /// The accepted rows of <paramref name="rows"/> as checkpoints: validated like stations (the kind column is not
    /// needed), with the road kept from the row.
    /// </summary>
    public IEnumerable<Checkpoint> AcceptCheckpoints(IEnumerable<SourceRow> rows) =>
        Accept(rows, (row, r) => new Checkpoint(r.ExternalId, r.Name, row[ImportField.Road], r.District, r.Lat, r.Lon));

    // The row is read while it is current: readers reuse one SourceRow for the whole file.
    private IEnumerable<T> Accept<T>(IEnumerable<SourceRow> rows, Func<SourceRow, StationRecord, T> accepted)
    {
        foreach (var row in rows)
        {
            report.RowsRead++;
            var record = Normalise(row);
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
            yield return accepted(row, record);
        }
    }

    private StationRecord? Normalise(SourceRow row)
    {
        _rowIssues.Clear();
        var id = row[ImportField.ExternalId];
        if (row.Problem is { } problem)
        {
            Reject(row, id, problem.Field, problem.Value, problem.Reason);
            return null;
        }

        if (id is null)
        {
            Reject(row, id, "external_id", null, "is required");
        }
        var name = row[ImportField.Name];
        if (name is null)
        {
            Reject(row, id, "name", null, "is required");
        }

        var kindText = row[ImportField.Kind];
        StationKind kind = default;
        if (kindText is null)
        {
            if (defaultKind is { } fallback)
            {
                kind = fallback;
            }
            else
            {
                Reject(row, id, "kind", null, "is required (or give --default-kind)");
            }
        }
        else if (!KindNames.TryParse(kindText, out kind))
        {
            Reject(row, id, "kind", kindText,
                $"unknown kind; expected one of {string.Join(", ", StationKinds.WireNames)} or 暖心驿站/户外劳动者服务站/工会驿站, 职工之家, 检查站驿站");
        }

        var position = Position(row, id);

        _unknownAmenities.Clear();
        var amenities = Amenities(row[ImportField.Amenities]);
        foreach (var extra in row.ExtraAmenities)
        {
            amenities |= AmenityNames.Parse(extra, _unknownAmenities);
        }
        foreach (var unknown in _unknownAmenities)
        {
            Warn(row, id, "amenities", unknown,
                "unknown amenity, not stored; the vocabulary is " + string.Join(", ", Domain.Amenities.WireNames));
        }

        var hours = Hours(row, id);
        var truckSpaces = OptionalInt(row, id, ImportField.TruckParkingSpaces, 0, 100_000);
        var maxLength = OptionalDouble(row, id, ImportField.MaxVehicleLengthM, 0, 40);
        var hazmat = OptionalBool(row, id, ImportField.HazmatAllowed);

        if (_rowIssues.Any(i => i.Outcome == RowOutcome.Rejected) || position is null || id is null || name is null)
        {
            return null;
        }
        if (_accepted.TryGetValue(id, out var first))
        {
            Reject(row, id, "external_id", id, $"duplicate external id: already on {report.PositionName} {first}; the first is kept");
            return null;
        }
        _accepted.Add(id, row.Position);

        return new StationRecord
        {
            ExternalId = id,
            Kind = kind,
            Name = name,
            Address = row[ImportField.Address],
            District = row[ImportField.District],
            Lat = position.Value.Lat,
            Lon = position.Value.Lon,
            Amenities = amenities,
            OpeningHours = hours,
            TruckParkingSpaces = truckSpaces,
            MaxVehicleLengthM = maxLength,
            HazmatAllowed = hazmat ?? false,
            Phone = row[ImportField.Phone],
            Host = row[ImportField.Host],
        };
    }

    private LatLon? Position(SourceRow row, string? id) =>
        RowCoordinates.Read(row, crs, region, (field, value, reason) => Reject(row, id, field, value, reason));

    private Amenity Amenities(string? text)
    {
        if (text is null)
        {
            return Amenity.None;
        }
        if (_amenities.TryGetValue(text, out var known))
        {
            _unknownAmenities.AddRange(known.Unknown);
            return known.Set;
        }
        var unknown = new List<string>();
        var set = AmenityNames.Parse(text, unknown);
        if (_amenities.Count < MaxCachedTexts)
        {
            _amenities[text] = (set, unknown.ToArray());
        }
        _unknownAmenities.AddRange(unknown);
        return set;
    }

    private string? Hours(SourceRow row, string? id)
    {
        var raw = row[ImportField.OpeningHours];
        if (raw is null)
        {
            return null;
        }
        // Lists repeat a handful of hour texts over and over; parsing each once keeps a million rows fast.
        if (!_hours.TryGetValue(raw, out var known))
        {
            var text = OpeningHoursText.Normalise(raw);
            known = OpeningHours.TryParse(text, out _, out var error) ? (text, null) : (raw, error.Message);
            if (_hours.Count < MaxCachedTexts)
            {
                _hours[raw] = known;
            }
        }
        if (known.Error is not null)
        {
            Warn(row, id, "opening_hours", raw, $"not readable as opening_hours ({known.Error}); stored as given, shown as unknown");
        }
        return known.Stored;
    }

    private int? OptionalInt(SourceRow row, string? id, ImportField field, int min, int max)
    {
        var text = row[field];
        if (text is null)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        Warn(row, id, field.ToWire(), text, $"not a whole number in [{min}, {max}]; left empty");
        return null;
    }

    private double? OptionalDouble(SourceRow row, string? id, ImportField field, double minExclusive, double max)
    {
        var text = row[field];
        if (text is null)
        {
            return null;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > minExclusive && value <= max)
        {
            return value;
        }
        Warn(row, id, field.ToWire(), text, $"not a number in ({minExclusive}, {max}]; left empty");
        return null;
    }

    private bool? OptionalBool(SourceRow row, string? id, ImportField field)
    {
        var text = row[field];
        switch (text?.ToLowerInvariant())
        {
            case null:
                return null;
            case "true" or "yes" or "1" or "是" or "y":
                return true;
            case "false" or "no" or "0" or "否" or "n":
                return false;
            default:
                Warn(row, id, field.ToWire(), text, "not yes/no; left empty");
                return null;
        }
    }

    private void Reject(SourceRow row, string? id, string field, string? value, string reason) =>
        _rowIssues.Add(new RowIssue(RowOutcome.Rejected, row.Position, id, field, value, reason));

    private void Warn(SourceRow row, string? id, string field, string? value, string reason) =>
        _rowIssues.Add(new RowIssue(RowOutcome.Warning, row.Position, id, field, value, reason));
}
