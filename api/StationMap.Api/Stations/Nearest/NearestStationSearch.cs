using Microsoft.Extensions.Options;
using StationMap.Api.Checkins;
using StationMap.Domain.Queries;

namespace StationMap.Api.Stations.Nearest;

/// <summary>
/// Answers a <see cref="NearestQuery"/> from the path <see cref="NearestOptions.Path"/> selects. The memory path
/// falls back to the database until the first index is loaded, so a process never answers from an empty index.
/// </summary>
public sealed class NearestStationSearch(
    DatabaseNearestSearch database, LiveStationIndex live, StationStatusBoard board, IOptions<NearestOptions> options, TimeProvider time)
{
    private readonly bool _useMemory = options.Value.Path == NearestPath.Memory;

    public Task<NearestResponse> FindAsync(NearestQuery query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_useMemory && live.Current is { } loaded)
        {
            return Task.FromResult(IndexNearestSearch.Find(loaded.Index, query, now, board));
        }
        return database.FindAsync(query, now, cancellationToken);
    }
}
