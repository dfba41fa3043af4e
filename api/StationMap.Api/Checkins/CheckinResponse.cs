namespace StationMap.Api.Checkins;

/// <summary>
/// The answer to a check-in: whether it counts towards what others see (a device without a position or history is
/// kept but weighs nothing yet) and the station's status after it.
/// </summary>
public sealed record CheckinResponse(long StationId, string Kind, bool Counted, bool CommentQueued, StatusReport? Status);
