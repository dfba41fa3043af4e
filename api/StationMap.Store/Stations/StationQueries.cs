using Npgsql;
using NpgsqlTypes;
using StationMap.Domain;
using StationMap.Domain.Queries;

namespace StationMap.Store.Stations;

/// <summary>Every read of stations the API makes; all SQL for the stations feature lives here.</summary>
public sealed class StationQueries(StationDataSources dataSources)
{
    // Filters shared by both stages of the nearest query and by the bbox query.
    private const string LiveAndFiltered = $"""
        s.retired_at IS NULL
        AND (cardinality(@kinds) = 0 OR s.kind = ANY(@kinds))
        AND s.amenities @> @amenities
        AND {TruckFilterSql.Where}
        """;

    private const string Origin = "ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography";

    /// <summary>
    /// Exact k-nearest on the WGS-84 spheroid. The index orders by sphere distance (<c>&lt;-&gt;</c> on geography),
    /// which can disagree with the spheroid by ~0.5%; so the first stage takes k stations by the index, and the
    /// largest of their spheroid distances bounds the true k nearest, which the second stage ranks exactly.
    /// </summary>
    public const string NearestSql = $"""
        WITH knn AS (
            SELECT ST_Distance(s.location::geography, {Origin}) AS d
            FROM station s
            WHERE {LiveAndFiltered}
              AND (@max_distance_m::float8 IS NULL OR ST_DWithin(s.location::geography, {Origin}, @max_distance_m::float8))
            ORDER BY s.location::geography <-> {Origin}
            LIMIT @limit
        )
        SELECT {StationColumns.Select}, ST_Distance(s.location::geography, {Origin}) AS distance_m
        FROM station s
        WHERE {LiveAndFiltered}
          AND ST_DWithin(s.location::geography, {Origin}, (SELECT max(d) FROM knn) + 0.01)
        ORDER BY distance_m, s.id
        LIMIT @limit
        """;

    private const string BoundingBoxSql = $"""
        SELECT {StationColumns.Select}
        FROM station s
        WHERE {LiveAndFiltered}
          AND ST_Intersects(s.location, ST_MakeEnvelope(@min_lon, @min_lat, @max_lon, @max_lat, 4326))
        ORDER BY s.id
        LIMIT @limit
        """;

    private const string ByIdSql = $"SELECT {StationColumns.Select} FROM station s WHERE s.id = @id";

    /// <summary>The <paramref name="limit"/> nearest live stations that pass the query's filters, nearest first (ties by id).</summary>
    public async Task<IReadOnlyList<RankedStation>> NearestAsync(NearestQuery query, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSources.Read.CreateCommand(NearestSql);
        command.Parameters.Add(new NpgsqlParameter<double>("lat", query.Lat));
        command.Parameters.Add(new NpgsqlParameter<double>("lon", query.Lon));
        AddFilters(command, query.Kinds, query.Amenities, query.TruckFilter);
        command.Parameters.Add(new NpgsqlParameter("max_distance_m", NpgsqlDbType.Double) { Value = (object?)query.MaxDistanceM ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
        var results = new List<RankedStation>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            results.Add(new RankedStation(StationColumns.Read(reader), reader.GetDouble(StationColumns.Count)));
        }
        return results;
    }

    /// <summary>Live stations inside the box (edges inclusive), by id, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<Station>> InBoundingBoxAsync(
        BoundingBox box, IReadOnlyList<StationKind> kinds, TruckFilter truck, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSources.Read.CreateCommand(BoundingBoxSql);
        command.Parameters.Add(new NpgsqlParameter<double>("min_lon", box.MinLon));
        command.Parameters.Add(new NpgsqlParameter<double>("min_lat", box.MinLat));
        command.Parameters.Add(new NpgsqlParameter<double>("max_lon", box.MaxLon));
        command.Parameters.Add(new NpgsqlParameter<double>("max_lat", box.MaxLat));
        AddFilters(command, kinds, Amenity.None, truck);
        command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
        var results = new List<Station>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            results.Add(StationColumns.Read(reader));
        }
        return results;
    }

    /// <summary>The station with this id, retired or not; null when there is none.</summary>
    public async Task<Station?> ByIdAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = dataSources.Read.CreateCommand(ByIdSql);
        command.Parameters.Add(new NpgsqlParameter<long>("id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? StationColumns.Read(reader) : null;
    }

    private static void AddFilters(NpgsqlCommand command, IReadOnlyList<StationKind> kinds, Amenity amenities, TruckFilter truck)
    {
        command.Parameters.Add(new NpgsqlParameter<string[]>("kinds", kinds.Select(k => k.ToWire()).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("amenities", Amenities.ToWire(amenities)));
        TruckFilterSql.AddParameters(command.Parameters, truck);
    }
}

/// <summary>A station with its geodesic distance from the query origin, in metres.</summary>
public sealed record RankedStation(Station Station, double DistanceM);
