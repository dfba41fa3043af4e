using StationMap.Domain;
using StationMap.Domain.Checkins;

namespace StationMap.Store.Checkins;

/// <summary>A check-in as the API hands it to the store: already checked, with nothing of where it was sent from.</summary>
/// <param name="DeviceKey">The keyed hash of the device id (32 bytes), never the id itself.</param>
/// <param name="NearStation">The sender's position passed the proximity check (the position itself is not here).</param>
/// <param name="Operator">The operator key holder checking in, or null for a device.</param>
public sealed record NewCheckin(
    long StationId, byte[] DeviceKey, CheckinKind Kind, Amenity Amenity, string? Comment, bool NearStation, string? Operator, DateTimeOffset At);

/// <summary>What became of a check-in.</summary>
public enum CheckinOutcome
{
    /// <summary>Stored and counted.</summary>
    Counted,

    /// <summary>Stored, weighing nothing for now (a device without history sent no position).</summary>
    Stored,

    /// <summary>The same device, station and kind within the hour: not stored again.</summary>
    Duplicate,

    /// <summary>A blocked device: answered as usual, kept nowhere.</summary>
    Ignored,
}

/// <summary>The outcome, and the check-in's id when stored.</summary>
public sealed record CheckinResult(CheckinOutcome Outcome, long? Id);
