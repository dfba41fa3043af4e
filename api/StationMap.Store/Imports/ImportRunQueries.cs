using Npgsql;
using NpgsqlTypes;

namespace StationMap.Store.Imports;

/// <summary>Records import runs and lists them, newest first.</summary>
public static class ImportRunQueries
{
    private const string Insert = """
        INSERT INTO import_run (source, file_name, file_sha256, format, crs, mode, status, rows_read, inserted, updated,
                                unchanged, rejected, retired, warnings, started_at, finished_at, error, report)
        VALUES (@source, @file_name, @file_sha256, @format, @crs, @mode, @status, @rows_read, @inserted, @updated,
                @unchanged, @rejected, @retired, @warnings, @started_at, @finished_at, @error, @report)
        RETURNING id
        """;

    private const string List = """
        SELECT id, source, file_name, file_sha256, format, crs, mode, status, rows_read, inserted, updated, unchanged,
               rejected, retired, warnings, started_at, finished_at, duration_ms, error
        FROM import_run
        WHERE @source::text IS NULL OR source = @source
        ORDER BY started_at DESC, id DESC
        LIMIT @limit
        """;

    /// <summary>Inserts <paramref name="run"/> (its <see cref="ImportRun.Id"/> is ignored) and returns the new id.</summary>
    /// <param name="reportJson">The run's report as a JSON document.</param>
    public static async Task<long> InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, ImportRun run, string reportJson, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Insert, connection, transaction);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<string>("source", run.Source));
        p.Add(new NpgsqlParameter("file_name", NpgsqlDbType.Text) { Value = (object?)run.FileName ?? DBNull.Value });
        p.Add(new NpgsqlParameter("file_sha256", NpgsqlDbType.Text) { Value = (object?)run.FileSha256 ?? DBNull.Value });
        p.Add(new NpgsqlParameter<string>("format", run.Format));
        p.Add(new NpgsqlParameter<string>("crs", run.Crs));
        p.Add(new NpgsqlParameter<string>("mode", run.Mode));
        p.Add(new NpgsqlParameter<string>("status", run.Status));
        p.Add(new NpgsqlParameter<long>("rows_read", run.RowsRead));
        p.Add(new NpgsqlParameter<long>("inserted", run.Inserted));
        p.Add(new NpgsqlParameter<long>("updated", run.Updated));
        p.Add(new NpgsqlParameter<long>("unchanged", run.Unchanged));
        p.Add(new NpgsqlParameter<long>("rejected", run.Rejected));
        p.Add(new NpgsqlParameter<long>("retired", run.Retired));
        p.Add(new NpgsqlParameter<long>("warnings", run.Warnings));
        p.Add(new NpgsqlParameter<DateTimeOffset>("started_at", run.StartedAt));
        p.Add(new NpgsqlParameter<DateTimeOffset>("finished_at", run.FinishedAt));
        p.Add(new NpgsqlParameter("error", NpgsqlDbType.Text) { Value = (object?)run.Error ?? DBNull.Value });
        p.Add(new NpgsqlParameter("report", NpgsqlDbType.Jsonb) { Value = reportJson });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The latest <paramref name="limit"/> runs, of one source or of all.</summary>
    public static async Task<IReadOnlyList<ImportRun>> ListAsync(
        NpgsqlDataSource dataSource, string? source, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(List);
        command.Parameters.Add(new NpgsqlParameter("source", NpgsqlDbType.Text) { Value = (object?)source ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<ImportRun>();
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(new ImportRun
            {
                Id = reader.GetInt64(0),
                Source = reader.GetString(1),
                FileName = reader.IsDBNull(2) ? null : reader.GetString(2),
                FileSha256 = reader.IsDBNull(3) ? null : reader.GetString(3),
                Format = reader.GetString(4),
                Crs = reader.GetString(5),
                Mode = reader.GetString(6),
                Status = reader.GetString(7),
                RowsRead = reader.GetInt64(8),
                Inserted = reader.GetInt64(9),
                Updated = reader.GetInt64(10),
                Unchanged = reader.GetInt64(11),
                Rejected = reader.GetInt64(12),
                Retired = reader.GetInt64(13),
                Warnings = reader.GetInt64(14),
                StartedAt = reader.GetFieldValue<DateTimeOffset>(15),
                FinishedAt = reader.GetFieldValue<DateTimeOffset>(16),
                DurationMs = reader.GetInt64(17),
                Error = reader.IsDBNull(18) ? null : reader.GetString(18),
            });
        }
        return runs;
    }
}
