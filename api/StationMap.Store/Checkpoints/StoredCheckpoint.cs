using StationMap.Domain;

namespace StationMap.Store.Checkpoints;

/// <summary>A checkpoint as stored: its content plus the store's identity.</summary>
public sealed record StoredCheckpoint(long Id, string Source, Checkpoint Checkpoint);
