using Npgsql;

namespace StationMap.Store.Sources;

/// <summary>Reads and records <c>source_state</c>: what each feed looked like when it was last fetched.</summary>
public sealed class SourceStates(StationDataSources dataSources)
{
    public async Task<SourceState?> FindAsync(string source, CancellationToken cancellationToken)
    {
        await using var command = dataSources.Write.CreateCommand("""
            SELECT etag, last_modified, last_checksum, last_success_at, last_failure_at, last_failure
            FROM source_state WHERE source = @source
            """);
        command.Parameters.Add(new NpgsqlParameter<string>("source", source));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new SourceState(
            source,
            reader.IsDBNull(0) ? null : reader.GetString(0),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3),
            reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
            reader.IsDBNull(5) ? null : reader.GetString(5));
    }

    public async Task RecordSuccessAsync(string source, string? etag, string? lastModified, string checksum, CancellationToken cancellationToken)
    {
        await using var command = dataSources.Write.CreateCommand("""
            INSERT INTO source_state (source, etag, last_modified, last_checksum, last_success_at, updated_at)
            VALUES (@source, @etag, @last_modified, @checksum, now(), now())
            ON CONFLICT (source) DO UPDATE SET etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified,
                last_checksum = EXCLUDED.last_checksum, last_success_at = now(), updated_at = now()
            """);
        command.Parameters.Add(new NpgsqlParameter<string>("source", source));
        command.Parameters.Add(new NpgsqlParameter("etag", (object?)etag ?? DBNull.Value));
        command.Parameters.Add(new NpgsqlParameter("last_modified", (object?)lastModified ?? DBNull.Value));
        command.Parameters.Add(new NpgsqlParameter<string>("checksum", checksum));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RecordFailureAsync(string source, string reason, CancellationToken cancellationToken)
    {
        await using var command = dataSources.Write.CreateCommand("""
            INSERT INTO source_state (source, last_failure_at, last_failure, updated_at) VALUES (@source, now(), @reason, now())
            ON CONFLICT (source) DO UPDATE SET last_failure_at = now(), last_failure = EXCLUDED.last_failure, updated_at = now()
            """);
        command.Parameters.Add(new NpgsqlParameter<string>("source", source));
        command.Parameters.Add(new NpgsqlParameter<string>("reason", reason.Length > 2000 ? reason[..2000] : reason));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>What a feed looked like when last fetched, and how its last runs ended.</summary>
public sealed record SourceState(
    string Source, string? ETag, string? LastModified, string? LastChecksum,
    DateTimeOffset? LastSuccessAt, DateTimeOffset? LastFailureAt, string? LastFailure);
