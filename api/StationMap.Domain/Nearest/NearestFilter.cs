using StationMap.Domain.Geo;
using StationMap.Domain.Hours;
using StationMap.Domain.Queries;

namespace StationMap.Domain.Nearest;

/// <summary>
/// The filters of a <see cref="NearestQuery"/> as the index applies them during its search: the same rules as the
/// database path (every kind when none is given, all requested amenities, open at the instant, within the distance).
/// New filters go here: a yes/no attribute as a bit in <see cref="StationTraits"/>, anything else as a column of the
/// index tested in <see cref="Matches"/>.
/// </summary>
public readonly struct NearestFilter
{
    private readonly long _requiredTraits;
    private readonly long _kindTraits;
    private readonly bool _openNow;
    private readonly double? _vehicleLengthM;
    private readonly DateTimeOffset _now;

    /// <param name="query">The query whose filters apply.</param>
    /// <param name="now">The instant "open now" means.</param>
    public NearestFilter(NearestQuery query, DateTimeOffset now)
    {
        _requiredTraits = (long)query.Amenities | StationTraits.Required(query.TruckFilter);
        _vehicleLengthM = query.VehicleLengthM;
        _kindTraits = StationTraits.KindBits(query.Kinds);
        _openNow = query.OpenNow;
        _now = now;
        MaxDistanceM = query.MaxDistanceM;
    }

    /// <summary>The filters of a page of stations in a box: the same as a nearest query's, without a distance.</summary>
    public NearestFilter(InViewQuery query, DateTimeOffset now)
    {
        _requiredTraits = (long)query.Amenities | StationTraits.Required(query.Truck);
        _vehicleLengthM = query.Truck.VehicleLengthM;
        _kindTraits = StationTraits.KindBits(query.Kinds);
        _openNow = query.OpenNow;
        _now = now;
    }

    /// <summary>The filters of a grid of clusters or a corridor: kinds (every kind when none is given) and truck attributes.</summary>
    public NearestFilter(IReadOnlyList<StationKind> kinds, TruckFilter truck)
    {
        _requiredTraits = StationTraits.Required(truck);
        _vehicleLengthM = truck.VehicleLengthM;
        _kindTraits = StationTraits.KindBits(kinds);
    }

    /// <summary>The filters of a vector tile: those of nearest but the distance, "open now" at <paramref name="now"/>.</summary>
    public NearestFilter(IReadOnlyList<StationKind> kinds, Amenity amenities, TruckFilter truck, bool openNow, DateTimeOffset now)
    {
        _requiredTraits = (long)amenities | StationTraits.Required(truck);
        _vehicleLengthM = truck.VehicleLengthM;
        _kindTraits = StationTraits.KindBits(kinds);
        _openNow = openNow;
        _now = now;
    }

    public double? MaxDistanceM { get; }

    /// <summary>Stations to leave out by id (those reported closed), asked of each station near enough to matter.</summary>
    public Func<long, bool>? Excluded { get; init; }

    /// <summary>The trait bits a station must all have (see <see cref="MatchesTraits"/>).</summary>
    internal long RequiredTraits => _requiredTraits;

    /// <summary>The kind bits of which a station must have one (see <see cref="MatchesTraits"/>).</summary>
    internal long KindTraits => _kindTraits;

    /// <summary>Whether "open now" is asked (then <see cref="Now"/> is the instant it means).</summary>
    internal bool OpenNow => _openNow;

    internal DateTimeOffset Now => _now;

    /// <summary>Whether a vehicle length is asked (see <see cref="MatchesLength"/>).</summary>
    internal bool HasVehicleLength => _vehicleLengthM is not null;

    /// <summary>Whether the test needs more of a station than its trait mask: a vehicle length or its hours.</summary>
    internal bool NeedsColumns => _openNow || _vehicleLengthM is not null;

    /// <summary>
    /// Whether every station of a group passes when the AND of their masks is <paramref name="allTraits"/> and they are
    /// all of kinds that pass: true only when the filter needs nothing beyond the masks.
    /// </summary>
    internal bool PassesAllWith(long allTraits) => !NeedsColumns && (allTraits & _requiredTraits) == _requiredTraits;

    internal bool AllowsKind(StationKind kind) => (_kindTraits & StationTraits.KindBit(kind)) != 0;

    /// <summary>The vehicle-length part of <see cref="Matches"/> alone.</summary>
    internal bool MatchesLength(double maxVehicleLengthM) => _vehicleLengthM is not { } length || maxVehicleLengthM >= length;

    /// <summary>Whether a station of a subtree whose masks OR to <paramref name="anyTraits"/> can pass.</summary>
    internal bool MayMatch(long anyTraits) =>
        (anyTraits & _requiredTraits) == _requiredTraits && (anyTraits & _kindTraits) != 0;

    /// <summary>The cheap part of the test: kind and amenities.</summary>
    internal bool MatchesTraits(long traits) =>
        (traits & _requiredTraits) == _requiredTraits && (traits & _kindTraits) != 0;

    /// <summary>
    /// The rest of the test, run only on stations near enough to matter: the vehicle fits (an unknown length never
    /// does, as in SQL) and known to be open at the instant at the station's place.
    /// </summary>
    internal bool Matches(OpeningHours? hours, double maxVehicleLengthM, LatLon place) =>
        (_vehicleLengthM is not { } length || maxVehicleLengthM >= length)
        && (!_openNow || (hours is not null && hours.IsOpenAt(_now, place) == true));
}
