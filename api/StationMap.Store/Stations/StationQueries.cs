using Npgsql;
using NpgsqlTypes;
using StationMap.Domain;
using StationMap.Domain.Queries;

namespace StationMap.Store.Stations;

/// <summary>Every read of stations the API makes; all SQL for the stations feature lives here.</summary>
public sealed class StationQueries(StationDataSources dataSources)
{
    // Filters shared by both stages of the nearest query and by the bbox query. Only a place's pin answers (migration
    // 0016): its other sources' records are listed on its card.
    private const string LiveAndFiltered = $"""
        s.retired_at IS NULL AND s.pin
        AND (cardinality(@kinds) = 0 OR s.kind = ANY(@kinds))
        AND s.amenities @> @amenities
        AND {TruckFilterSql.Where}
        """;

    private const string Origin = "ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography";

    /// <summary>
    /// The common case of exact k-nearest, in one index scan: the first candidates in the index's order (sphere
    /// distance, <c>&lt;-&gt;</c> on geography) with both their sphere and their spheroid distance. Whether these
    /// candidates must contain the true k nearest on the spheroid is decided in <see cref="NearestAsync"/>.
    /// </summary>
    public const string NearestCandidatesSql = $"""
        SELECT {StationColumns.Select},
               ST_Distance(s.location::geography, {Origin}) AS distance_m,
               s.location::geography <-> {Origin} AS sphere_m
        FROM station s
        WHERE {LiveAndFiltered}
          AND (@max_distance_m::float8 IS NULL OR ST_DWithin(s.location::geography, {Origin}, @max_distance_m::float8))
        ORDER BY s.location::geography <-> {Origin}
        LIMIT @candidates
        """;

    /// <summary>
    /// Exact k-nearest on the WGS-84 spheroid when the candidates were not enough. The index orders by sphere
    /// distance, which can disagree with the spheroid by ~0.5%; so the first stage takes k stations by the index, and
    /// the largest of their spheroid distances bounds the true k nearest, which the second stage ranks exactly.
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

    // On WGS-84 the local scale of a geodesic against PostGIS's mean sphere (R = 6,371,008.8 m) lies between
    // 6,335/6,371 and 6,399/6,371, so a sphere distance exceeds the spheroid distance by less than 0.6%.
    private const double SphereOverSpheroidBound = 1.01;

    /// <summary>How many index candidates the one-scan path reads for <paramref name="limit"/> results.</summary>
    public static int CandidatesFor(int limit) => limit * 2 + 8;

    // Past this many index candidates the exact two-stage query is cheaper than another, wider scan.
    private const int MaxProvingCandidates = 2048;

    private const string BoundingBoxSql = $"""
        SELECT {StationColumns.Select}
        FROM station s
        WHERE {LiveAndFiltered}
          AND s.id > @after_id
          AND ST_Intersects(s.location, ST_MakeEnvelope(@min_lon, @min_lat, @max_lon, @max_lat, 4326))
        ORDER BY s.id
        LIMIT @limit
        """;

    // Counts the box's live stations through the GiST index, but no further than @max_stations + 1: the price of
    // knowing a box is too big is bounded too. Filters are left out on purpose: a selective filter makes PostGIS read
    // every station of the box to find the few that pass, so what a box costs is the stations in it.
    private const string BoxCountSql = """
        SELECT count(*)::int FROM (
            SELECT 1 FROM station s
            WHERE s.retired_at IS NULL AND s.pin
              AND ST_Intersects(s.location, ST_MakeEnvelope(@min_lon, @min_lat, @max_lon, @max_lat, 4326))
            LIMIT @max_stations + 1
        ) AS inside
        """;

    private const string ByIdSql = $"SELECT {StationColumns.Select} FROM station s WHERE s.id = @id";

    /// <summary>The <paramref name="limit"/> nearest live stations that pass the query's filters, nearest first (ties by id).</summary>
    public async Task<IReadOnlyList<RankedStation>> NearestAsync(NearestQuery query, int limit, CancellationToken cancellationToken)
    {
        // Stations sharing a building (or a ring of almost equidistant ones) can keep the first candidates from proving
        // anything; a wider scan usually settles it (measured on 1M generated stations: 5% of random points needed
        // more than 28 candidates, none more than 120), and only after that does the exact two-stage query run.
        for (var candidates = CandidatesFor(limit); candidates <= MaxProvingCandidates; candidates *= 4)
        {
            var farthestSphereM = 0.0;
            List<RankedStation> ranked;
            await using (var command = dataSources.Read.CreateCommand(NearestCandidatesSql))
            {
                AddNearestParameters(command, query);
                command.Parameters.Add(new NpgsqlParameter<int>("candidates", candidates));
                ranked = await ReadRankedAsync(command, candidates,
                    reader => farthestSphereM = Math.Max(farthestSphereM, reader.GetDouble(StationColumns.Count + 1)), cancellationToken);
            }
            ranked.Sort(static (a, b) => a.DistanceM != b.DistanceM ? a.DistanceM.CompareTo(b.DistanceM) : a.Station.Id.CompareTo(b.Station.Id));
            // Fewer rows than asked for: every matching station is here. Otherwise a station outside the candidates is
            // at least farthestSphereM away on the sphere; once that exceeds the k-th spheroid distance by more than
            // the sphere/spheroid disagreement, no such station can belong to the k nearest.
            if (ranked.Count < candidates || farthestSphereM > ranked[limit - 1].DistanceM * SphereOverSpheroidBound + 0.01)
            {
                return ranked.Count > limit ? ranked.GetRange(0, limit) : ranked;
            }
        }

        await using (var command = dataSources.Read.CreateCommand(NearestSql))
        {
            AddNearestParameters(command, query);
            command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
            return await ReadRankedAsync(command, limit, onRow: null, cancellationToken);
        }
    }

    private static async Task<List<RankedStation>> ReadRankedAsync(
        NpgsqlCommand command, int capacity, Action<NpgsqlDataReader>? onRow, CancellationToken cancellationToken)
    {
        var ranked = new List<RankedStation>(capacity);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ranked.Add(new RankedStation(StationColumns.Read(reader), reader.GetDouble(StationColumns.Count)));
            onRow?.Invoke(reader);
        }
        return ranked;
    }

    private static void AddNearestParameters(NpgsqlCommand command, NearestQuery query)
    {
        command.Parameters.Add(new NpgsqlParameter<double>("lat", query.Lat));
        command.Parameters.Add(new NpgsqlParameter<double>("lon", query.Lon));
        AddFilters(command, query.Kinds, query.Amenities, query.TruckFilter);
        command.Parameters.Add(new NpgsqlParameter("max_distance_m", NpgsqlDbType.Double) { Value = (object?)query.MaxDistanceM ?? DBNull.Value });
    }

    /// <summary>
    /// Live stations inside the query's box (edges inclusive) with an id above <paramref name="afterId"/> that pass its
    /// filters except "open now" (hours the database cannot evaluate), by id, at most <paramref name="limit"/>. Reads
    /// every such station of the box: callers bound that first (<see cref="BoxHoldsMoreThanAsync"/>).
    /// </summary>
    public async Task<IReadOnlyList<Station>> InBoundingBoxAsync(InViewQuery query, long afterId, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSources.Read.CreateCommand(BoundingBoxSql);
        command.Parameters.Add(new NpgsqlParameter<double>("min_lon", query.Box.MinLon));
        command.Parameters.Add(new NpgsqlParameter<double>("min_lat", query.Box.MinLat));
        command.Parameters.Add(new NpgsqlParameter<double>("max_lon", query.Box.MaxLon));
        command.Parameters.Add(new NpgsqlParameter<double>("max_lat", query.Box.MaxLat));
        command.Parameters.Add(new NpgsqlParameter<long>("after_id", afterId));
        AddFilters(command, query.Kinds, query.Amenities, query.Truck);
        command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
        var results = new List<Station>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            results.Add(StationColumns.Read(reader));
        }
        return results;
    }

    /// <summary>Whether more than <paramref name="maxStations"/> live stations lie inside the box (whatever their kind or attributes).</summary>
    public async Task<bool> BoxHoldsMoreThanAsync(BoundingBox box, int maxStations, CancellationToken cancellationToken)
    {
        await using var command = dataSources.Read.CreateCommand(BoxCountSql);
        command.Parameters.Add(new NpgsqlParameter<double>("min_lon", box.MinLon));
        command.Parameters.Add(new NpgsqlParameter<double>("min_lat", box.MinLat));
        command.Parameters.Add(new NpgsqlParameter<double>("max_lon", box.MaxLon));
        command.Parameters.Add(new NpgsqlParameter<double>("max_lat", box.MaxLat));
        command.Parameters.Add(new NpgsqlParameter<int>("max_stations", maxStations));
        return (int)(await command.ExecuteScalarAsync(cancellationToken))! > maxStations;
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
