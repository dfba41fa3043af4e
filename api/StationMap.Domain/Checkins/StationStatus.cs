namespace StationMap.Domain.Checkins;

/// <summary>
/// What the public sees of a station's check-ins. Each state carries the instant it lapses, so the status stays true
/// as time passes without being derived again: a state is on while now is before its <c>Until</c>.
/// </summary>
public sealed record StationStatus
{
    public static readonly StationStatus None = new();

    /// <summary>The latest time at least two devices (or an operator) confirmed it open within the confirm window.</summary>
    public DateTimeOffset? LastConfirmedAt { get; init; }

    public DateTimeOffset? ConfirmedUntil { get; init; }

    /// <summary>Distinct reporters (an operator counts as two) of the closure in effect.</summary>
    public int ClosedReporters { get; init; }

    /// <summary>When enough reports first agreed it was closed.</summary>
    public DateTimeOffset? ClosedSince { get; init; }

    public DateTimeOffset? ClosedUntil { get; init; }

    /// <summary>Amenities reported missing by enough people, each with when that lapses.</summary>
    public IReadOnlyDictionary<Amenity, DateTimeOffset> MissingAmenities { get; init; } = new Dictionary<Amenity, DateTimeOffset>();

    public DateTimeOffset? CrowdedUntil { get; init; }

    public bool IsReportedClosed(DateTimeOffset now) => ClosedUntil > now;

    public bool IsConfirmed(DateTimeOffset now) => ConfirmedUntil > now;

    public bool IsCrowded(DateTimeOffset now) => CrowdedUntil > now;

    public IEnumerable<Amenity> MissingAt(DateTimeOffset now) => MissingAmenities.Where(m => m.Value > now).Select(m => m.Key).Order();

    /// <summary>Whether anything is on at <paramref name="now"/> (or later: every state lapses, none starts by itself).</summary>
    public bool AnyAt(DateTimeOffset now) => IsConfirmed(now) || IsReportedClosed(now) || IsCrowded(now) || MissingAmenities.Values.Any(u => u > now);

    /// <summary>When the last state lapses; the status can be forgotten after it.</summary>
    public DateTimeOffset? LapsesAt() =>
        new[] { ConfirmedUntil, ClosedUntil, CrowdedUntil }.Concat(MissingAmenities.Values.Select(v => (DateTimeOffset?)v)).Max();
}
