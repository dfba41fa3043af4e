using System.Collections.Concurrent;
using StationMap.Domain.Checkins;

namespace StationMap.Api.Checkins;

/// <summary>
/// The check-in status of every station that has one on, in this process: what nearest, the card and the lists read,
/// kept current by <see cref="StationStatusSync"/> one station at a time, so a check-in never reloads the station index.
/// </summary>
public sealed class StationStatusBoard
{
    private readonly ConcurrentDictionary<long, StationStatus> _statuses = new();

    public StatusReport? Report(long stationId, DateTimeOffset now) =>
        _statuses.TryGetValue(stationId, out var status) ? StatusReport.Of(status, now) : null;

    public bool IsReportedClosed(long stationId, DateTimeOffset now) =>
        _statuses.TryGetValue(stationId, out var status) && status.IsReportedClosed(now);

    public void Set(long stationId, StationStatus status, DateTimeOffset now)
    {
        if (status.AnyAt(now))
        {
            _statuses[stationId] = status;
        }
        else
        {
            _statuses.TryRemove(stationId, out _);
        }
    }

    public void ReplaceAll(IReadOnlyDictionary<long, StationStatus> statuses)
    {
        foreach (var id in _statuses.Keys.Where(id => !statuses.ContainsKey(id)))
        {
            _statuses.TryRemove(id, out _);
        }
        foreach (var (id, status) in statuses)
        {
            _statuses[id] = status;
        }
    }

    /// <summary>Forgets the statuses that have lapsed, so the board holds only what is on.</summary>
    public void Sweep(DateTimeOffset now)
    {
        foreach (var (id, status) in _statuses)
        {
            if (!status.AnyAt(now))
            {
                _statuses.TryRemove(KeyValuePair.Create(id, status));
            }
        }
    }
}
