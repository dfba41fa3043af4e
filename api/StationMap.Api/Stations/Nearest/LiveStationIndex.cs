using System.Diagnostics;
using StationMap.Domain.Nearest;

namespace StationMap.Api.Stations.Nearest;

/// <summary>
/// The nearest index this process answers from. A rebuilt index replaces the old one by a single reference write,
/// so a reader holds either the old or the new index, never a half-built one; searches in flight finish on theirs.
/// </summary>
public sealed class LiveStationIndex
{
    private Loaded? _current;

    /// <summary>The loaded index, or null before the first load completes.</summary>
    public Loaded? Current => Volatile.Read(ref _current);

    private long _replicaHeardUntil;

    /// <summary>Whether the change listener (on the primary) is connected; false while it reconnects.</summary>
    public bool ListenerConnected { get; set; }

    /// <summary>
    /// Whether this process hears changes: its listener is connected, or it has just read the data version from the
    /// standby it reads from (which brings every change the standby has replayed, with or without a primary).
    /// </summary>
    public bool Listening => ListenerConnected || Stopwatch.GetTimestamp() < Volatile.Read(ref _replicaHeardUntil);

    /// <summary>The standby answered its data version; that counts as hearing changes for <paramref name="validFor"/>.</summary>
    public void HeardFromReplica(TimeSpan validFor) =>
        Volatile.Write(ref _replicaHeardUntil, Stopwatch.GetTimestamp() + (long)(validFor.TotalSeconds * Stopwatch.Frequency));

    public void Replace(StationIndex index) =>
        // Wall time for the health report; the application's TimeProvider is the clock "open now" is asked at.
        Volatile.Write(ref _current, new Loaded(index, TimeProvider.System.GetUtcNow(), Stopwatch.GetTimestamp()));

    /// <summary>An index and when it was loaded.</summary>
    public sealed record Loaded(StationIndex Index, DateTimeOffset LoadedAt, long LoadedTimestamp)
    {
        public TimeSpan Age => Stopwatch.GetElapsedTime(LoadedTimestamp);
    }
}
