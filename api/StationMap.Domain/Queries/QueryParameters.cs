using System.Globalization;

namespace StationMap.Domain.Queries;

/// <summary>
/// Parses raw query-string values into typed values, collecting every problem instead of stopping at the first,
/// so a client sees all that is wrong with a request at once.
/// </summary>
public sealed class QueryParameters(Func<string, string?> lookup)
{
    private readonly List<ParameterProblem> _problems = [];

    public IReadOnlyList<ParameterProblem> Problems => _problems;

    public bool IsValid => _problems.Count == 0;

    public void Add(string parameter, string reason) => _problems.Add(new ParameterProblem(parameter, reason));

    public double RequiredDouble(string name, double min, double max) =>
        OptionalDouble(name, min, max, minExclusive: false, required: true) ?? 0;

    public double? OptionalDouble(string name, double min, double max, bool minExclusive = false, bool required = false)
    {
        var raw = lookup(name);
        if (string.IsNullOrWhiteSpace(raw))
        {
            if (required)
            {
                Add(name, "is required");
            }
            return null;
        }
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Add(name, $"must be a number, got '{Truncate(raw)}'");
            return null;
        }
        if (value > max || value < min || (minExclusive && value == min))
        {
            var lower = minExclusive ? $"greater than {Format(min)}" : $"at least {Format(min)}";
            Add(name, $"must be {lower} and at most {Format(max)}, got {Format(value)}");
            return null;
        }
        return value;
    }

    public int OptionalInt(string name, int fallback, int min, int max)
    {
        var raw = lookup(name);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }
        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            Add(name, $"must be a whole number, got '{Truncate(raw)}'");
            return fallback;
        }
        if (value < min || value > max)
        {
            Add(name, $"must be between {min} and {max}, got {value}");
            return fallback;
        }
        return value;
    }

    public bool OptionalBool(string name)
    {
        var raw = lookup(name);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return false;
        }
        switch (raw.Trim().ToLowerInvariant())
        {
            case "true" or "1" or "yes":
                return true;
            case "false" or "0" or "no":
                return false;
            default:
                Add(name, $"must be true or false, got '{Truncate(raw)}'");
                return false;
        }
    }

    public IReadOnlyList<StationKind> Kinds(string name)
    {
        var kinds = new List<StationKind>();
        foreach (var item in List(name))
        {
            if (StationKinds.TryParse(item, out var kind))
            {
                if (!kinds.Contains(kind))
                {
                    kinds.Add(kind);
                }
            }
            else
            {
                Add(name, $"unknown kind '{Truncate(item)}'; expected one of {string.Join(", ", StationKinds.WireNames)}");
            }
        }
        return kinds;
    }

    public Amenity Amenities(string name)
    {
        var set = Amenity.None;
        foreach (var item in List(name))
        {
            if (Domain.Amenities.TryParse(item, out var amenity))
            {
                set |= amenity;
            }
            else
            {
                Add(name, $"unknown amenity '{Truncate(item)}'; expected any of {string.Join(", ", Domain.Amenities.WireNames)}");
            }
        }
        return set;
    }

    /// <summary>The truck filters <c>truck</c>, <c>vehicleLengthM</c> and <c>hazmat</c>, shared by every stop search.</summary>
    public TruckFilter TruckFilter() => new(
        OptionalBool("truck"),
        OptionalDouble("vehicleLengthM", 0, Queries.TruckFilter.MaxVehicleLengthM, minExclusive: true),
        OptionalBool("hazmat"));

    public BoundingBox? RequiredBoundingBox(string name)
    {
        var raw = lookup(name);
        if (string.IsNullOrWhiteSpace(raw))
        {
            Add(name, "is required as minLon,minLat,maxLon,maxLat");
            return null;
        }
        if (!BoundingBox.TryParse(raw, out var box, out var reason))
        {
            Add(name, reason);
            return null;
        }
        return box;
    }

    private IEnumerable<string> List(string name)
    {
        var raw = lookup(name);
        if (string.IsNullOrWhiteSpace(raw))
        {
            yield break;
        }
        foreach (var item in raw.Split(',', StringSplitOptions.TrimEntries))
        {
            if (item.Length == 0)
            {
                Add(name, "has an empty item in its comma-separated list");
                continue;
            }
            yield return item;
        }
    }

    private static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Truncate(string raw) => raw.Length <= 40 ? raw : raw[..40] + "…";
}
