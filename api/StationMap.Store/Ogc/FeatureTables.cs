using Npgsql;
using StationMap.Domain.Planning;
using StationMap.Domain.Queries;
using StationMap.Store.Checkpoints;
using StationMap.Store.Planning;

namespace StationMap.Store.Ogc;

/// <summary>
/// The point tables OGC API – Features serves from the database (checkpoints, demand, candidate sites) as pages of
/// features by id, with the count of every row the filters match; and the finished planning runs it lists. All the
/// SQL of the feature lives here. The stations come from the in-memory index instead.
/// </summary>
public sealed class FeatureTables(StationDataSources dataSources)
{
    public static readonly FeatureTable<StoredCheckpoint> Checkpoints = new(
        "checkpoint", "t.id, t.source, t.external_id, t.name, t.road, t.district", ["district"],
        r => new StoredCheckpoint(r.GetInt64(0), r.GetString(1), new Domain.Checkpoint(
            r.GetString(2), r.GetString(3), Text(r, 4), Text(r, 5), r.GetDouble(6), r.GetDouble(7))));

    public static readonly FeatureTable<StoredDemandPoint> Demand = new(
        "demand_point", "t.id, t.source, t.external_id, t.layer, t.name, t.weight, t.district", ["layer", "district"],
        r => new StoredDemandPoint(r.GetInt64(0), r.GetString(1), new DemandRecord(
            r.GetString(2), r.GetString(3), r.GetString(4), r.GetDouble(5), Text(r, 6), r.GetDouble(7), r.GetDouble(8))));

    public static readonly FeatureTable<CandidateSite> Candidates = new(
        "candidate_site", "t.id, t.external_id, t.host_type, t.name, t.capacity, t.district, t.address", ["host_type", "district"],
        r => new CandidateSite(
            r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetInt32(4), Text(r, 5), Text(r, 6),
            r.GetDouble(7), r.GetDouble(8)));

    // Every succeeded run's parameters (a few hundred bytes), never its result, which may hold thousands of sites.
    private const string SucceededRunsSql = """
        SELECT id, parameters::text, finished_at FROM planning_run WHERE status = 'succeeded' ORDER BY id DESC LIMIT @limit
        """;

    /// <summary>
    /// One page of <paramref name="table"/>: the rows inside any of the boxes (none: all; boxes apart) whose filter
    /// columns equal the values given, by id from the cursor, and how many rows match in all (the cursor aside).
    /// Two statements in one round trip; the count reads every matching row (through the GiST index when boxed).
    /// </summary>
    public async Task<FeatureRows<T>> PageAsync<T>(
        FeatureTable<T> table, IReadOnlyList<BoundingBox> boxes, IReadOnlyDictionary<string, string> equal, PageCursor cursor, int limit,
        CancellationToken cancellationToken)
    {
        var where = Where(table, boxes, equal);
        var order = cursor.Backward ? "t.id < @cursor ORDER BY t.id DESC" : "t.id > @cursor ORDER BY t.id";
        await using var batch = dataSources.Read.CreateBatch();
        batch.BatchCommands.Add(Command($"SELECT count(*)::int FROM {table.Name} t WHERE {where}", boxes, equal));
        var page = Command(
            $"SELECT {table.Select}, ST_Y(t.location), ST_X(t.location) FROM {table.Name} t WHERE {where} AND {order} LIMIT @limit", boxes, equal);
        page.Parameters.Add(new NpgsqlParameter<long>("cursor", cursor.Id));
        page.Parameters.Add(new NpgsqlParameter<int>("limit", limit + 1));
        batch.BatchCommands.Add(page);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var matched = reader.GetInt32(0);
        await reader.NextResultAsync(cancellationToken);
        var rows = new List<T>(Math.Min(limit + 1, 1024));
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(table.Read(reader));
        }
        var more = rows.Count > limit;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        if (cursor.Backward)
        {
            rows.Reverse();
        }
        return new FeatureRows<T>(rows, matched, more);
    }

    /// <summary>The row with this id; null when there is none.</summary>
    public async Task<T?> ByIdAsync<T>(FeatureTable<T> table, long id, CancellationToken cancellationToken) where T : class
    {
        await using var command = dataSources.Read.CreateCommand(
            $"SELECT {table.Select}, ST_Y(t.location), ST_X(t.location) FROM {table.Name} t WHERE t.id = @id");
        command.Parameters.Add(new NpgsqlParameter<long>("id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? table.Read(reader) : null;
    }

    /// <summary>The box around every row of the table; null when it is empty. One aggregate over the table.</summary>
    public async Task<BoundingBox?> ExtentAsync<T>(FeatureTable<T> table, CancellationToken cancellationToken)
    {
        await using var command = dataSources.Read.CreateCommand(
            $"SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(location) AS e FROM {table.Name}) AS x WHERE e IS NOT NULL");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new BoundingBox(reader.GetDouble(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3))
            : null;
    }

    /// <summary>The latest <paramref name="limit"/> succeeded planning runs, newest first: id, parameters (JSON) and when each finished.</summary>
    public async Task<IReadOnlyList<FinishedRun>> SucceededRunsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSources.Read.CreateCommand(SucceededRunsSql);
        command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<FinishedRun>();
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(new FinishedRun(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2)));
        }
        return runs;
    }

    // The statement's text varies only with how many boxes and which of the table's own columns are filtered (never
    // with a value), so each variant is prepared once and planned for its shape: an OR of parameters that might be
    // unused would leave a prepared statement's generic plan without the GiST index.
    private static string Where<T>(FeatureTable<T> table, IReadOnlyList<BoundingBox> boxes, IReadOnlyDictionary<string, string> equal)
    {
        var conditions = new List<string>();
        if (boxes.Count > 0)
        {
            conditions.Add("(" + string.Join(" OR ", boxes.Select((_, i) =>
                $"ST_Intersects(t.location, ST_MakeEnvelope(@min_lon{i}, @min_lat{i}, @max_lon{i}, @max_lat{i}, 4326))")) + ")");
        }
        foreach (var column in equal.Keys.Order(StringComparer.Ordinal))
        {
            if (!table.FilterColumns.Contains(column))
            {
                throw new ArgumentException($"{table.Name} is not filtered by '{column}'", nameof(equal));
            }
            conditions.Add($"t.{column} = @{column}");
        }
        return conditions.Count == 0 ? "TRUE" : string.Join(" AND ", conditions);
    }

    private static NpgsqlBatchCommand Command(string sql, IReadOnlyList<BoundingBox> boxes, IReadOnlyDictionary<string, string> equal)
    {
        var command = new NpgsqlBatchCommand(sql);
        for (var i = 0; i < boxes.Count; i++)
        {
            command.Parameters.Add(new NpgsqlParameter<double>($"min_lon{i}", boxes[i].MinLon));
            command.Parameters.Add(new NpgsqlParameter<double>($"min_lat{i}", boxes[i].MinLat));
            command.Parameters.Add(new NpgsqlParameter<double>($"max_lon{i}", boxes[i].MaxLon));
            command.Parameters.Add(new NpgsqlParameter<double>($"max_lat{i}", boxes[i].MaxLat));
        }
        foreach (var (column, value) in equal)
        {
            command.Parameters.Add(new NpgsqlParameter<string>(column, value));
        }
        return command;
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}

/// <summary>
/// A point table as <see cref="FeatureTables"/> pages it: its name, the columns it reads (latitude and longitude follow
/// them), the columns a client may filter on by equality, and how a row becomes <typeparamref name="T"/>.
/// </summary>
public sealed record FeatureTable<T>(string Name, string Select, IReadOnlyList<string> FilterColumns, Func<NpgsqlDataReader, T> Read);

/// <summary>A page of rows by id, how many rows match in all, and whether more follow in the cursor's direction.</summary>
public sealed record FeatureRows<T>(IReadOnlyList<T> Rows, int Matched, bool More);

/// <summary>A stored demand point: its content plus the store's identity.</summary>
public sealed record StoredDemandPoint(long Id, string Source, DemandRecord Record);

/// <summary>A succeeded planning run as the feature service lists it.</summary>
public sealed record FinishedRun(long Id, string ParametersJson, DateTimeOffset? FinishedAt);
