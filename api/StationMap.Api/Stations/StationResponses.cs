using StationMap.Domain;
using StationMap.Store.Places;

namespace StationMap.Api.Stations;

/// <summary>The answer to a nearest query: where it was asked from and the stations, nearest first.</summary>
public sealed record NearestResponse(Origin Origin, IReadOnlyList<NearestItem> Items);

public sealed record Origin(double Lat, double Lon);

/// <summary>One station in a nearest answer: how far, in which direction, and whether it is open now.</summary>
public sealed record NearestItem : StationSummary
{
    public NearestItem(StationSummary station, double distanceM, double bearingDeg, OpeningStatus status) : base(station)
    {
        DistanceM = distanceM;
        BearingDeg = bearingDeg;
        OpenNow = status.OpenNow;
        NextChange = status.NextChange;
    }

    public double DistanceM { get; init; }

    public double BearingDeg { get; init; }

    /// <summary>Null when the hours are unknown or cannot be read.</summary>
    public bool? OpenNow { get; init; }

    public NextChange? NextChange { get; init; }
}

/// <summary>When the open/closed state flips next, and the same in words ("closes at 18:00").</summary>
public sealed record NextChange(DateTimeOffset At, string Description);

/// <summary>A station in full, for its card.</summary>
public sealed record StationDetail : TruckStopSummary
{
    public StationDetail(Station station, OpeningStatus status, IReadOnlyList<DayHours>? week) : base(station)
    {
        Source = station.Source;
        ExternalId = station.Record.ExternalId;
        OpenNow = status.OpenNow;
        NextChange = status.NextChange;
        OpeningHoursOriginal = station.Record.OpeningHoursOriginal;
        Week = week;
        Host = station.Record.Host;
        UpdatedAt = station.UpdatedAt;
        RetiredAt = station.RetiredAt;
    }

    public string Source { get; init; }

    public string ExternalId { get; init; }

    public bool? OpenNow { get; init; }

    public NextChange? NextChange { get; init; }

    /// <summary>The hours as the source wrote them, when the importer rewrote them into <c>openingHours</c>.</summary>
    public string? OpeningHoursOriginal { get; init; }

    /// <summary>The hours of the next seven days from today, evaluated; null when the hours are unknown or unreadable, or the station is retired.</summary>
    public IReadOnlyList<DayHours>? Week { get; init; }

    public string? Host { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? RetiredAt { get; init; }

    /// <summary>What visitors wrote of the station, newest first, once an operator approved it (check-ins' comments).</summary>
    public IReadOnlyList<StationComment> Comments { get; init; } = [];

    /// <summary>
    /// The station of the same place the map shows (its pin: the record of the source with the best priority, then the
    /// freshest); this station's own id when it is the pin; null when every record of the place is retired.
    /// </summary>
    public long? PinId { get; init; }

    /// <summary>Every source's record of the station's place (the pin first, retired ones last): one physical station, as each list has it.</summary>
    public IReadOnlyList<PlaceSourceRecord> Sources { get; init; } = [];
}

/// <summary>A visitor's comment on a station, shown after moderation.</summary>
public sealed record StationComment(string Text, DateTimeOffset At);
