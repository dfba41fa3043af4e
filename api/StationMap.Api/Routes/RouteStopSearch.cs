using Microsoft.Extensions.Options;
using StationMap.Api.Stations.Nearest;
using StationMap.Domain;
using StationMap.Domain.Nearest;
using StationMap.Domain.Routes;
using StationMap.Store.Routes;

namespace StationMap.Api.Routes;

/// <summary>
/// Answers a <see cref="RouteQuery"/>: the in-memory index (or, until it is loaded or with <c>Nearest:Path=Database</c>,
/// PostGIS through its GiST index) finds the stations near the route, then <see cref="RouteCorridor"/> decides exactly
/// which lie within the corridor and where along the route they come. The full rows of the first few come from PostGIS.
/// </summary>
public sealed class RouteStopSearch(RouteQueries queries, LiveStationIndex live, IOptions<NearestOptions> nearest)
{
    private readonly bool _useMemory = nearest.Value.Path == NearestPath.Memory;

    // PostGIS and the corridor measure the same arcs in slightly different ways (centimetres apart); asking PostGIS
    // for a little more keeps it from dropping a stop that the corridor, which has the last word, would take.
    private const double CandidateMarginM = 10;

    public async Task<RouteStopsResponse> FindAsync(RouteQuery query, CancellationToken cancellationToken)
    {
        var corridor = new RouteCorridor(query.Route, query.CorridorM);
        var located = _useMemory && live.Current is { } loaded
            ? CorridorStations.Find(loaded.Index, corridor, new NearestFilter([], query.Truck))
            : await LocateFromDatabaseAsync(query, corridor, cancellationToken);
        located.Sort((x, y) =>
        {
            var byAlong = x.Position.AlongM.CompareTo(y.Position.AlongM);
            return byAlong != 0 ? byAlong : x.Position.OffsetM != y.Position.OffsetM ? x.Position.OffsetM.CompareTo(y.Position.OffsetM) : x.Id.CompareTo(y.Id);
        });
        var first = located.Take(query.Limit).ToList();
        var stations = (await queries.ByIdsAsync(first.Select(l => l.Id).ToList(), cancellationToken)).ToDictionary(s => s.Id);
        var items = first.Where(l => stations.ContainsKey(l.Id)).Select(l => ToStop(stations[l.Id], l.Position)).ToList();
        return new RouteStopsResponse(
            query.CorridorM, Math.Round(corridor.LengthM, 1), located.Count, located.Count > query.Limit, query.Limit, items);
    }

    private async Task<List<(long Id, RoutePosition Position)>> LocateFromDatabaseAsync(
        RouteQuery query, RouteCorridor corridor, CancellationToken cancellationToken)
    {
        var candidates = await queries.CandidatesAsync(query.Route, query.CorridorM + CandidateMarginM, query.Truck, cancellationToken);
        var located = new List<(long Id, RoutePosition Position)>(candidates.Count);
        foreach (var (id, lat, lon) in candidates)
        {
            if (corridor.Locate(lat, lon) is { } position)
            {
                located.Add((id, position));
            }
        }
        return located;
    }

    private static RouteStop ToStop(Station station, RoutePosition position)
    {
        return new RouteStop(station, Math.Round(position.AlongM, 2), Math.Round(position.OffsetM, 2));
    }
}
