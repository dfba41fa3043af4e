using Microsoft.Extensions.Options;
using StationMap.Api.Stations.Nearest;
using StationMap.Domain;
using StationMap.Domain.Nearest;
using StationMap.Domain.Queries;
using StationMap.Store.Stations;

namespace StationMap.Api.Stations;

/// <summary>
/// The stations of a map view, one by one or on a grid, from the in-memory index when it is loaded (and
/// <see cref="NearestOptions.Path"/> is memory); otherwise from PostGIS, for a box holding at most
/// <see cref="StationsOptions.DatabaseMaxStations"/> live stations (a bigger one is refused). Both give the same answers.
/// </summary>
public sealed class StationsInView(
    StationQueries queries, StationClusterQueries clusterQueries, LiveStationIndex live, IOptions<NearestOptions> nearest,
    IOptions<StationsOptions> options)
{
    private readonly bool _useMemory = nearest.Value.Path == NearestPath.Memory;

    /// <summary>The stations in the box passing the filters, first <see cref="StationsOptions.BoundingBoxLimit"/> by id; null when the database path refuses the box.</summary>
    public async Task<StationFeatureCollection?> FeaturesAsync(
        BoundingBox box, IReadOnlyList<StationKind> kinds, TruckFilter truck, CancellationToken cancellationToken)
    {
        var limit = options.Value.BoundingBoxLimit;
        if (Index() is { } index)
        {
            var (positions, matched) = FirstById(index, box, new NearestFilter(kinds, truck), limit);
            return new StationFeatureCollection(positions.Select(p => StationProperties.Feature(index[p])).ToList(), matched > limit, limit);
        }
        if (await queries.BoxHoldsMoreThanAsync(box, DatabaseMaxStations, cancellationToken))
        {
            return null;
        }
        var stations = await queries.InBoundingBoxAsync(box, kinds, truck, limit + 1, cancellationToken);
        return new StationFeatureCollection(stations.Take(limit).Select(StationProperties.Feature).ToList(), stations.Count > limit, limit);
    }

    /// <summary>The stations in the box on a grid of <paramref name="cellDegrees"/>; null when the database path refuses the box.</summary>
    public async Task<StationClusterCollection?> ClustersAsync(
        BoundingBox box, IReadOnlyList<StationKind> kinds, double cellDegrees, CancellationToken cancellationToken)
    {
        var limit = options.Value.BoundingBoxLimit;
        IReadOnlyList<StationCluster> clusters;
        if (Index() is { } index)
        {
            clusters = StationClustering.Cluster(index, box, new NearestFilter(kinds, default), cellDegrees);
        }
        else if (await queries.BoxHoldsMoreThanAsync(box, DatabaseMaxStations, cancellationToken))
        {
            return null;
        }
        else
        {
            clusters = await clusterQueries.InBoundingBoxAsync(box, kinds, cellDegrees, limit + 1, cancellationToken);
        }
        return new StationClusterCollection(clusters.Take(limit).Select(StationClusterProperties.Feature).ToList(), cellDegrees, clusters.Count > limit);
    }

    /// <summary>How many stations the database path reads at most for one box.</summary>
    public int DatabaseMaxStations => options.Value.DatabaseMaxStations;

    private StationIndex? Index() => _useMemory ? live.Current?.Index : null;

    // The limit + 1 smallest ids among the matching stations, by id, with how many matched in all: one pass, and a heap
    // of limit + 1 (largest id on top) that a station with a larger id than all of them does not touch.
    private static (List<int> Positions, int Matched) FirstById(StationIndex index, BoundingBox box, in NearestFilter filter, int limit)
    {
        var heap = new PriorityQueue<int, long>(limit + 1, Comparer<long>.Create(static (a, b) => b.CompareTo(a)));
        var matched = 0;
        foreach (var p in index.Grid.InBox(box))
        {
            if (!index.Passes(p, filter))
            {
                continue;
            }
            matched++;
            var id = index[p].Id;
            if (heap.Count <= limit)
            {
                heap.Enqueue(p, id);
            }
            else if (heap.TryPeek(out _, out var largest) && id < largest)
            {
                heap.DequeueEnqueue(p, id);
            }
        }
        var positions = new List<int>(heap.Count);
        while (heap.TryDequeue(out var p, out _))
        {
            positions.Add(p);
        }
        positions.Reverse();
        return (positions.Count > limit ? positions.GetRange(0, limit) : positions, matched);
    }
}
