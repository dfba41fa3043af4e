using Microsoft.Extensions.Options;
using StationMap.Api.Infrastructure;
using StationMap.Api.Stations.Nearest;
using StationMap.Domain;
using StationMap.Domain.Nearest;
using StationMap.Domain.Queries;
using StationMap.Store.Stations;

namespace StationMap.Api.Stations;

/// <summary>
/// The stations of a map view: a page of them by id, from the in-memory index when it is loaded (and
/// <see cref="NearestOptions.Path"/> is memory), otherwise from PostGIS for a box holding at most
/// <see cref="StationsOptions.DatabaseMaxStations"/> live stations (a bigger one is refused), both giving the same
/// pages; or on a grid, from the index only.
/// </summary>
public sealed class StationsInView(
    StationQueries queries, LiveStationIndex live, IOptions<NearestOptions> nearest, IOptions<StationsOptions> options,
    OpeningHoursCache hours, TimeProvider time)
{
    private readonly bool _useMemory = nearest.Value.Path == NearestPath.Memory;

    /// <summary>The most stations a page holds, and how many it holds when the client does not say.</summary>
    public int PageLimit => options.Value.BoundingBoxLimit;

    /// <summary>How many stations the database path reads at most for one box.</summary>
    public int DatabaseMaxStations => options.Value.DatabaseMaxStations;

    /// <summary>One page of the query; null when the database path refuses the box.</summary>
    public async Task<StationsPage?> PageAsync(InViewQuery query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (Index() is { } index)
        {
            var page = InViewPage.Of(index, query, now);
            return new StationsPage([.. page.Positions.Select(p => StationProperties.Feature(index[p]))], page.More);
        }
        if (await queries.BoxHoldsMoreThanAsync(query.Box, DatabaseMaxStations, cancellationToken))
        {
            return null;
        }
        return await DatabasePageAsync(query, now, cancellationToken);
    }

    /// <summary>The stations in the box on a grid of <paramref name="cellDegrees"/>; null when the index is not serving.</summary>
    public StationClusterCollection? Clusters(BoundingBox box, IReadOnlyList<StationKind> kinds, double cellDegrees)
    {
        if (Index() is not { } index)
        {
            return null;
        }
        var limit = PageLimit;
        var clusters = StationClustering.Cluster(index, box, new NearestFilter(kinds, default), cellDegrees);
        return new StationClusterCollection([.. clusters.Take(limit).Select(StationClusterProperties.Feature)], cellDegrees, clusters.Count > limit);
    }

    // The database filters all but "open now", which needs the hours evaluated here: batches of Limit + 1 rows by id
    // until Limit + 1 open stations are found or the box is read (the box's size was bounded before).
    private async Task<StationsPage> DatabasePageAsync(InViewQuery query, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var batch = query.Limit + 1;
        var found = new List<Station>(batch);
        var after = query.AfterId;
        while (found.Count < batch)
        {
            var stations = await queries.InBoundingBoxAsync(query, after, batch, cancellationToken);
            found.AddRange(query.OpenNow
                ? stations.Where(s => hours.Get(s.Record.OpeningHours)?.IsOpenAt(now, s.Record.Place) == true)
                : stations);
            if (stations.Count < batch)
            {
                break;
            }
            after = stations[^1].Id;
        }
        return new StationsPage([.. found.Take(query.Limit).Select(StationProperties.Feature)], found.Count > query.Limit);
    }

    private StationIndex? Index() => _useMemory ? live.Current?.Index : null;
}

/// <summary>A page of stations by id, and whether another follows.</summary>
public sealed record StationsPage(IReadOnlyList<Feature<PointGeometry, StationProperties>> Features, bool More)
{
    /// <summary>The id the next page starts after: the last one here.</summary>
    public long? LastId => Features.Count > 0 ? Features[^1].Id : null;
}
