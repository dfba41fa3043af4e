using StationMap.Domain.Hours;

namespace StationMap.Domain.Nearest;

/// <summary>
/// Collects live stations column by column and builds a <see cref="StationIndex"/>. Opening hours are parsed once per
/// distinct text and districts and hosts are shared, since millions of stations have only a few hundred of each.
/// </summary>
public sealed class StationIndexBuilder(int capacity)
{
    private readonly List<long> _ids = new(capacity);
    private readonly List<double> _lats = new(capacity);
    private readonly List<double> _lons = new(capacity);
    private readonly List<long> _traits = new(capacity);
    private readonly List<double> _maxVehicleLengths = new(capacity);
    private readonly List<int> _truckSpaces = new(capacity);
    private readonly List<string> _names = new(capacity);
    private readonly List<string?> _addresses = new(capacity);
    private readonly List<string?> _districts = new(capacity);
    private readonly List<string?> _hosts = new(capacity);
    private readonly List<int> _hoursOf = new(capacity);
    private readonly List<string?> _hoursTexts = [];
    private readonly List<OpeningHours?> _hours = [];
    private readonly Dictionary<string, int> _hoursByText = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sharedTexts = new(StringComparer.Ordinal);

    public int Count => _ids.Count;

    public void Add(in StationIndexRow row)
    {
        _ids.Add(row.Id);
        _lats.Add(row.Lat);
        _lons.Add(row.Lon);
        _traits.Add(StationTraits.Of(row));
        // NaN compares false with every length, as NULL does in SQL.
        _maxVehicleLengths.Add(row.MaxVehicleLengthM ?? double.NaN);
        _truckSpaces.Add(row.TruckParkingSpaces ?? StationIndex.NoTruckSpaces);
        _names.Add(row.Name);
        _addresses.Add(row.Address);
        _districts.Add(row.District is null ? null : Shared(row.District));
        _hosts.Add(row.Host is null ? null : Shared(row.Host));
        _hoursOf.Add(HoursIndex(row.OpeningHours));
    }

    /// <param name="version">The store's data version the rows were read at.</param>
    public StationIndex Build(long version) =>
        StationIndex.Create(
            version, [.. _ids], [.. _lats], [.. _lons], [.. _traits], [.. _maxVehicleLengths], [.. _truckSpaces], [.. _names], [.. _addresses], [.. _districts],
            [.. _hosts], [.. _hoursOf], [.. _hoursTexts], [.. _hours]);

    private string Shared(string text)
    {
        if (!_sharedTexts.TryGetValue(text, out var shared))
        {
            _sharedTexts[text] = shared = text;
        }
        return shared;
    }

    private int HoursIndex(string? text)
    {
        if (text is null)
        {
            return -1;
        }
        if (!_hoursByText.TryGetValue(text, out var index))
        {
            index = _hours.Count;
            // Blank or unparseable hours read as unknown, exactly as on the database path.
            _hours.Add(string.IsNullOrWhiteSpace(text) ? null : OpeningHours.TryParse(text, out var hours, out _) ? hours : null);
            _hoursTexts.Add(text);
            _hoursByText[text] = index;
        }
        return index;
    }
}
