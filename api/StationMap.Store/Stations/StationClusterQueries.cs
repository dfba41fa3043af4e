using Npgsql;
using StationMap.Domain;
using StationMap.Domain.Nearest;
using StationMap.Domain.Queries;

namespace StationMap.Store.Stations;

/// <summary>
/// Stations aggregated on a square grid for low zoom levels, so a map showing a province or the country receives one
/// point per occupied cell instead of every station. All SQL of the aggregation lives here.
/// </summary>
public sealed class StationClusterQueries(StationDataSources dataSources)
{
    // One row per occupied grid cell: the mean position of its stations, how many of each kind, and the id when the cell
    // holds a single station (so the client can open it without another round trip). Ties in the order of cells are
    // broken as StationClustering breaks them, so both paths give the same cells when an answer is cut short.
    private const string ClustersSql = """
        SELECT ST_Y(ST_Centroid(ST_Collect(s.location))) AS lat,
               ST_X(ST_Centroid(ST_Collect(s.location))) AS lon,
               count(*)::int AS count,
               count(*) FILTER (WHERE s.kind = 'warm_station')::int AS warm_station,
               count(*) FILTER (WHERE s.kind = 'workers_home')::int AS workers_home,
               count(*) FILTER (WHERE s.kind = 'checkpoint_rest_stop')::int AS checkpoint_rest_stop,
               CASE WHEN count(*) = 1 THEN min(s.id) END AS id
        FROM station s
        WHERE s.retired_at IS NULL
          AND (cardinality(@kinds) = 0 OR s.kind = ANY(@kinds))
          AND ST_Intersects(s.location, ST_MakeEnvelope(@min_lon, @min_lat, @max_lon, @max_lat, 4326))
        GROUP BY ST_SnapToGrid(s.location, @cell_deg)
        ORDER BY count DESC, ST_X(ST_SnapToGrid(s.location, @cell_deg)), ST_Y(ST_SnapToGrid(s.location, @cell_deg))
        LIMIT @limit
        """;

    /// <summary>
    /// Live stations inside the box grouped into cells of <paramref name="cellDegrees"/>, largest cells first (ties west
    /// to east, then south to north, as <see cref="StationClustering"/> orders them). Reads every live station of the
    /// box: callers bound that first (<see cref="StationQueries.BoxHoldsMoreThanAsync"/>).
    /// </summary>
    public async Task<IReadOnlyList<StationCluster>> InBoundingBoxAsync(
        BoundingBox box, IReadOnlyList<StationKind> kinds, double cellDegrees, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSources.Read.CreateCommand(ClustersSql);
        command.Parameters.Add(new NpgsqlParameter<double>("min_lon", box.MinLon));
        command.Parameters.Add(new NpgsqlParameter<double>("min_lat", box.MinLat));
        command.Parameters.Add(new NpgsqlParameter<double>("max_lon", box.MaxLon));
        command.Parameters.Add(new NpgsqlParameter<double>("max_lat", box.MaxLat));
        command.Parameters.Add(new NpgsqlParameter<string[]>("kinds", kinds.Select(k => k.ToWire()).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<double>("cell_deg", cellDegrees));
        command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
        var clusters = new List<StationCluster>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            clusters.Add(new StationCluster(
                reader.GetDouble(0), reader.GetDouble(1), reader.GetInt32(2),
                reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetInt64(6)));
        }
        return clusters;
    }
}
