using StationMap.Domain.Hours;

namespace StationMap.Domain.Nearest;

/// <summary>A station as the <see cref="StationIndex"/> holds it: a view of one position, nothing copied.</summary>
public readonly struct IndexedStation
{
    private readonly StationIndex _index;
    private readonly int _position;

    internal IndexedStation(StationIndex index, int position)
    {
        _index = index;
        _position = position;
    }

    public long Id => _index.Ids[_position];

    public StationKind Kind => _index.KindAt(_position);

    public string Name => _index.Names[_position];

    public string? Address => _index.Addresses[_position];

    public string? District => _index.Districts[_position];

    public double Lat => _index.Lats[_position];

    public double Lon => _index.Lons[_position];

    public Amenity Amenities => _index.AmenitiesAt(_position);

    public int? TruckParkingSpaces => _index.TruckSpacesAt(_position);

    public double? MaxVehicleLengthM => _index.MaxVehicleLengthAt(_position) is var length && double.IsNaN(length) ? null : length;

    public bool HazmatAllowed => (_index.TraitsAt(_position) & StationTraits.HazmatAllowed) != 0;

    /// <summary>The raw <c>opening_hours</c> text, as stored.</summary>
    public string? OpeningHoursText => _index.HoursTextAt(_position);

    /// <summary>The parsed hours; null when there are none or the text does not parse.</summary>
    public OpeningHours? OpeningHours => _index.HoursAt(_position);
}
