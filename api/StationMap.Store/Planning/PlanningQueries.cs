using Npgsql;
using StationMap.Domain.Queries;
using StationMap.Domain;
using StationMap.Domain.Planning;

namespace StationMap.Store.Planning;

/// <summary>Every read the planning feature makes: layers, demand with its coverage by open stations, candidate sites.</summary>
public sealed class PlanningQueries(StationDataSources dataSources)
{
    // "Open" is the state a planner can count on: not retired and not suspended (opening hours are left out: a station
    // that serves its area by day still covers it). Coverage is the spheroid distance, as Geodesy measures it.
    private const string DemandCoverageSql = """
        SELECT d.id, ST_Y(d.location), ST_X(d.location), d.weight, d.district,
               EXISTS (
                   SELECT 1 FROM station s
                   WHERE s.retired_at IS NULL AND s.status = 'active'
                     AND (cardinality(@kinds) = 0 OR s.kind = ANY(@kinds))
                     AND ST_DWithin(s.location::geography, d.location::geography, @radius_m)
               ) AS covered
        FROM demand_point d
        WHERE d.layer = @layer
        ORDER BY d.id
        """;

    private const string LayersSql = """
        SELECT layer, count(*)::int, sum(weight) FROM demand_point GROUP BY layer ORDER BY layer
        """;

    private const string LayerExtentSql = """
        SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
        FROM (SELECT ST_Extent(location) AS e FROM demand_point WHERE layer = @layer) AS x
        WHERE e IS NOT NULL
        """;

    private const string CandidatesSql = """
        SELECT id, external_id, host_type, name, capacity, district, address, ST_Y(location), ST_X(location)
        FROM candidate_site ORDER BY id
        """;

    private const string CandidateCountSql = "SELECT count(*)::int FROM candidate_site";

    /// <summary>The demand layers with their point counts and total weights, by name.</summary>
    public async Task<IReadOnlyList<DemandLayer>> LayersAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSources.Read.CreateCommand(LayersSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var layers = new List<DemandLayer>();
        while (await reader.ReadAsync(cancellationToken))
        {
            layers.Add(new DemandLayer(reader.GetString(0), reader.GetInt32(1), reader.GetDouble(2)));
        }
        return layers;
    }

    /// <summary>The box around the layer's demand points; null when it has none.</summary>
    public async Task<BoundingBox?> LayerExtentAsync(string layer, CancellationToken cancellationToken)
    {
        await using var command = dataSources.Read.CreateCommand(LayerExtentSql);
        command.Parameters.Add(new NpgsqlParameter<string>("layer", layer));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new BoundingBox(reader.GetDouble(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3))
            : null;
    }

    /// <summary>Every demand point of the layer (by id) and whether an open station of the kinds (any, when empty) is within the radius.</summary>
    public async Task<IReadOnlyList<CoveredDemand>> DemandCoverageAsync(
        string layer, double radiusM, IReadOnlyList<StationKind> kinds, CancellationToken cancellationToken)
    {
        await using var command = dataSources.Read.CreateCommand(DemandCoverageSql);
        command.Parameters.Add(new NpgsqlParameter<string>("layer", layer));
        command.Parameters.Add(new NpgsqlParameter<double>("radius_m", radiusM));
        command.Parameters.Add(new NpgsqlParameter<string[]>("kinds", kinds.Select(k => k.ToWire()).ToArray()));
        // A city layer of a hundred thousand points checks as many index probes; longer than the default 30 s on a busy server.
        command.CommandTimeout = 300;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var demand = new List<CoveredDemand>();
        while (await reader.ReadAsync(cancellationToken))
        {
            demand.Add(new CoveredDemand(
                reader.GetInt64(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetBoolean(5)));
        }
        return demand;
    }

    /// <summary>All candidate sites, by id.</summary>
    public async Task<IReadOnlyList<CandidateSite>> CandidatesAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSources.Read.CreateCommand(CandidatesSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var sites = new List<CandidateSite>();
        while (await reader.ReadAsync(cancellationToken))
        {
            sites.Add(new CandidateSite(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetDouble(7), reader.GetDouble(8)));
        }
        return sites;
    }

    public async Task<int> CandidateCountAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSources.Read.CreateCommand(CandidateCountSql);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}

/// <summary>A demand layer: its name, number of points and total weight.</summary>
public sealed record DemandLayer(string Name, int Points, double TotalWeight);

/// <summary>A stored candidate site.</summary>
public sealed record CandidateSite(
    long Id, string ExternalId, string HostType, string Name, int? Capacity, string? District, string? Address, double Lat, double Lon);
