using Npgsql;
using StationMap.Domain;
using StationMap.Domain.Geo;
using StationMap.Domain.Queries;
using StationMap.Store.Stations;

namespace StationMap.Store.Routes;

/// <summary>Every read the stops-along-a-route feature makes; all its SQL lives here.</summary>
public sealed class RouteQueries(StationDataSources dataSources)
{
    // One index probe per leg: a long diagonal route's bounding box would cover half a province, a leg's covers a
    // corridor's width around it. Legs are geography, so each is the great-circle arc the caller measures along.
    private const string CandidatesSql = $"""
        WITH leg AS (
            SELECT ST_MakeLine(ST_SetSRID(ST_MakePoint(a_lon, a_lat), 4326), ST_SetSRID(ST_MakePoint(b_lon, b_lat), 4326))::geography AS g
            FROM unnest(@a_lon, @a_lat, @b_lon, @b_lat) AS u(a_lon, a_lat, b_lon, b_lat)
        )
        SELECT DISTINCT s.id, ST_Y(s.location), ST_X(s.location)
        FROM leg
        JOIN station s ON ST_DWithin(s.location::geography, leg.g, @within_m)
        WHERE s.retired_at IS NULL AND s.pin
          AND {TruckFilterSql.Where}
        """;

    private const string ByIdsSql = $"SELECT {StationColumns.Select} FROM station s WHERE s.id = ANY(@ids)";

    /// <summary>
    /// Live stations passing <paramref name="truck"/> within <paramref name="withinM"/> of the route (geodesic distance
    /// on the spheroid), as id and position: the caller measures them exactly and needs the full rows of only a few.
    /// </summary>
    public async Task<IReadOnlyList<(long Id, double Lat, double Lon)>> CandidatesAsync(
        IReadOnlyList<LatLon> route, double withinM, TruckFilter truck, CancellationToken cancellationToken)
    {
        var legs = Enumerable.Range(1, route.Count - 1).Where(i => route[i] != route[i - 1]).ToList();
        await using var command = dataSources.Read.CreateCommand(CandidatesSql);
        command.Parameters.Add(new NpgsqlParameter<double[]>("a_lon", legs.Select(i => route[i - 1].Lon).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<double[]>("a_lat", legs.Select(i => route[i - 1].Lat).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<double[]>("b_lon", legs.Select(i => route[i].Lon).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<double[]>("b_lat", legs.Select(i => route[i].Lat).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<double>("within_m", withinM));
        TruckFilterSql.AddParameters(command.Parameters, truck);
        var candidates = new List<(long, double, double)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            candidates.Add((reader.GetInt64(0), reader.GetDouble(1), reader.GetDouble(2)));
        }
        return candidates;
    }

    /// <summary>The stations with these ids, in no particular order.</summary>
    public async Task<IReadOnlyList<Station>> ByIdsAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        await using var command = dataSources.Read.CreateCommand(ByIdsSql);
        command.Parameters.Add(new NpgsqlParameter<long[]>("ids", ids.ToArray()));
        var stations = new List<Station>(ids.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            stations.Add(StationColumns.Read(reader));
        }
        return stations;
    }
}
