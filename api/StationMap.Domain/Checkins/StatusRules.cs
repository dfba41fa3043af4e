namespace StationMap.Domain.Checkins;

/// <summary>
/// How many independent people, and how recently, it takes before a check-in changes what others see. One device
/// alone never does: every state needs <see cref="MinReporters"/> distinct devices (or one operator).
/// </summary>
public sealed record StatusRules
{
    /// <summary>Distinct devices that must agree; an operator counts as this many.</summary>
    public int MinReporters { get; init; } = 2;

    /// <summary>Confirmations of different devices count together when this close in time.</summary>
    public TimeSpan ConfirmWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How long "confirmed open … ago" stays on the card after the confirmation.</summary>
    public TimeSpan ConfirmShownFor { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Closed reports count while this recent, and the state lapses this long after the second one.</summary>
    public TimeSpan ClosedWindow { get; init; } = TimeSpan.FromHours(24);

    public TimeSpan AmenityWindow { get; init; } = TimeSpan.FromHours(24);

    public TimeSpan CrowdedWindow { get; init; } = TimeSpan.FromHours(2);

    /// <summary>The longest window: evidence older than this cannot change the status.</summary>
    public TimeSpan Lookback => new[] { ConfirmWindow, ClosedWindow, AmenityWindow, CrowdedWindow }.Max();
}
