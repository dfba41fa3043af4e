using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace StationMap.Store.Planning;

/// <summary>
/// The <c>planning_run</c> records: created by the API, advanced by the background job, read by anyone.
/// Instants are written in UTC (Npgsql refuses other offsets for timestamptz; a clock may give local time).
/// </summary>
public sealed class PlanningRuns(StationDataSources dataSources)
{
    private const string InsertSql = """
        INSERT INTO planning_run (status, parameters, requested_by, created_at)
        VALUES ('queued', @parameters, @requested_by, @at) RETURNING id
        """;

    private const string StartSql = """
        UPDATE planning_run SET status = 'running', started_at = @at, progress = 0, error = NULL
        WHERE id = @id AND status IN ('queued', 'running') RETURNING parameters::text
        """;

    private const string ProgressSql = "UPDATE planning_run SET progress = @progress WHERE id = @id AND status = 'running'";

    private const string SucceedSql = """
        UPDATE planning_run SET status = 'succeeded', progress = 1, result = @result, finished_at = @at WHERE id = @id
        """;

    private const string FailSql = "UPDATE planning_run SET status = 'failed', error = @error, finished_at = @at WHERE id = @id";

    private const string ByIdSql = """
        SELECT id, status, progress, parameters::text, result::text, error, requested_by, created_at, started_at, finished_at
        FROM planning_run WHERE id = @id
        """;

    public async Task<long> CreateAsync(string parametersJson, string? requestedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = dataSources.Write.CreateCommand(InsertSql);
        command.Parameters.Add(new NpgsqlParameter("parameters", NpgsqlDbType.Jsonb) { Value = parametersJson });
        command.Parameters.Add(new NpgsqlParameter("requested_by", NpgsqlDbType.Text) { Value = (object?)requestedBy ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", at.ToUniversalTime()));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Marks the run running and returns its parameters; null when it does not exist or has already finished.</summary>
    public async Task<JsonDocument?> StartAsync(long id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = dataSources.Write.CreateCommand(StartSql);
        command.Parameters.Add(new NpgsqlParameter<long>("id", id));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", at.ToUniversalTime()));
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? JsonDocument.Parse(json) : null;
    }

    public async Task ReportProgressAsync(long id, double progress, CancellationToken cancellationToken)
    {
        await using var command = dataSources.Write.CreateCommand(ProgressSql);
        command.Parameters.Add(new NpgsqlParameter<long>("id", id));
        command.Parameters.Add(new NpgsqlParameter<double>("progress", Math.Clamp(progress, 0, 1)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SucceedAsync(long id, string resultJson, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = dataSources.Write.CreateCommand(SucceedSql);
        command.Parameters.Add(new NpgsqlParameter<long>("id", id));
        command.Parameters.Add(new NpgsqlParameter("result", NpgsqlDbType.Jsonb) { Value = resultJson });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", at.ToUniversalTime()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task FailAsync(long id, string error, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = dataSources.Write.CreateCommand(FailSql);
        command.Parameters.Add(new NpgsqlParameter<long>("id", id));
        command.Parameters.Add(new NpgsqlParameter<string>("error", error));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", at.ToUniversalTime()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<PlanningRun?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = dataSources.Read.CreateCommand(ByIdSql);
        command.Parameters.Add(new NpgsqlParameter<long>("id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new PlanningRun(
            reader.GetInt64(0), reader.GetString(1), reader.GetDouble(2), reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7),
            reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
            reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9));
    }
}

/// <summary>A stored planning run; parameters and result are the JSON the API and the job wrote.</summary>
public sealed record PlanningRun(
    long Id, string Status, double Progress, string ParametersJson, string? ResultJson, string? Error, string? RequestedBy,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt);
