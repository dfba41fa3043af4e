using System.Globalization;
using StationMap.Domain;
using StationMap.Domain.Geo;
using StationMap.Domain.Queries;
using StationMap.Import.Normalising.Hours;
using StationMap.Import.Reading;
using StationMap.Import.Reporting;

namespace StationMap.Import.Normalising;

/// <summary>
/// A row checked ahead of the report: the accepted value, or null when the row is rejected, and its issues; or, when
/// <paramref name="KnownUnchanged"/>, a row whose stored station is the same (not normalised at all).
/// </summary>
/// <param name="SourceHash">The raw row's hash as the store keeps it (0 when no store was consulted).</param>
/// <param name="StoredIndex">The stored station with this external id (<see cref="Store.Stations.StoredStations.IndexOf"/>), or -1.</param>
internal sealed record CheckedRow<T>(
    long Position, string? ExternalId, T? Value, RowIssue[] Issues, long SourceHash = 0, bool KnownUnchanged = false, int StoredIndex = -1)
    where T : class;

/// <summary>
/// Validates one raw row and makes it a <see cref="StationRecord"/> in WGS-84, with the row's rejections and warnings.
/// Needs nothing from other rows (duplicates are <see cref="RowNormaliser"/>'s business), so each thread has its own;
/// one instance is not thread-safe (caches and scratch lists).
/// </summary>
internal sealed class StationRowCheck(CoordinateSystem crs, BoundingBox? region, StationKind? defaultKind)
{
    private const int MaxCachedTexts = 50_000;

    private readonly List<RowIssue> _rowIssues = [];
    private readonly List<string> _unknownAmenities = [];
    private readonly Dictionary<string, ImportedHours> _hours = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Amenity Set, string[] Unknown)> _amenities = new(StringComparer.Ordinal);

    // The row is read while it is current: readers reuse one SourceRow for the whole file.
    public CheckedRow<T> Check<T>(SourceRow row, Func<SourceRow, StationRecord, T> accepted)
        where T : class
    {
        var record = Normalise(row);
        var rejected = record is null || _rowIssues.Exists(i => i.Outcome == RowOutcome.Rejected);
        return new CheckedRow<T>(
            row.Position, row[ImportField.ExternalId], rejected ? null : accepted(row, record!),
            _rowIssues.Count == 0 ? [] : [.. _rowIssues]);
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

        if (_rowIssues.Exists(i => i.Outcome == RowOutcome.Rejected) || position is null || id is null || name is null)
        {
            return null;
        }

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
            OpeningHours = hours?.Stored,
            OpeningHoursOriginal = hours?.Original,
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

    private ImportedHours? Hours(SourceRow row, string? id)
    {
        var raw = row[ImportField.OpeningHours];
        if (raw is null)
        {
            return null;
        }
        // Lists repeat a handful of hour texts over and over; reading each once keeps a million rows fast.
        if (!_hours.TryGetValue(raw, out var known))
        {
            known = OpeningHoursText.Read(raw);
            if (_hours.Count < MaxCachedTexts)
            {
                _hours[raw] = known;
            }
        }
        if (known.Problem is not null)
        {
            Warn(row, id, "opening_hours", raw, $"not readable as hours ({known.Problem}); stored as given, shown as unknown");
        }
        return known;
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
