using Npgsql;
using NpgsqlTypes;
using StationMap.Domain.Planning;
using StationMap.Store.Stations;

namespace StationMap.Store.Planning;

/// <summary>
/// Writes a source's demand points or candidate sites into the store as <see cref="StationMerge"/> does stations:
/// binary COPY into staging, then one upsert by (source, external_id) that skips unchanged rows, inside the caller's
/// transaction. A full import deletes the source's rows missing from the file: nothing refers to them (finished
/// planning runs keep their own snapshot), so unlike stations there is no history to keep.
/// </summary>
public static class PlanningMerge
{
    private static readonly Table Demand = new(
        "demand_point",
        "external_id text NOT NULL, layer text NOT NULL, name text NOT NULL, weight double precision NOT NULL, district text, lon double precision NOT NULL, lat double precision NOT NULL",
        "external_id, layer, name, weight, district, lon, lat",
        "layer, name, weight, district",
        "layer = EXCLUDED.layer, name = EXCLUDED.name, weight = EXCLUDED.weight, district = EXCLUDED.district");

    private static readonly Table Candidates = new(
        "candidate_site",
        "external_id text NOT NULL, host_type text NOT NULL, name text NOT NULL, capacity integer, district text, address text, lon double precision NOT NULL, lat double precision NOT NULL",
        "external_id, host_type, name, capacity, district, address, lon, lat",
        "host_type, name, capacity, district, address",
        "host_type = EXCLUDED.host_type, name = EXCLUDED.name, capacity = EXCLUDED.capacity, district = EXCLUDED.district, address = EXCLUDED.address");

    public static Task<MergeCounts> MergeDemandAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string source, IEnumerable<DemandRecord> records,
        bool deleteMissing, Action<string, bool>? onChanged, CancellationToken cancellationToken) =>
        MergeAsync(Demand, connection, transaction, source, deleteMissing, onChanged, async writer =>
        {
            long staged = 0;
            foreach (var r in records)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(r.ExternalId, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(r.Layer, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(r.Name, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(r.Weight, NpgsqlDbType.Double, cancellationToken);
                await WriteNullableAsync(writer, r.District, cancellationToken);
                await writer.WriteAsync(r.Lon, NpgsqlDbType.Double, cancellationToken);
                await writer.WriteAsync(r.Lat, NpgsqlDbType.Double, cancellationToken);
                staged++;
            }
            return staged;
        }, cancellationToken);

    public static Task<MergeCounts> MergeCandidatesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string source, IEnumerable<CandidateRecord> records,
        bool deleteMissing, Action<string, bool>? onChanged, CancellationToken cancellationToken) =>
        MergeAsync(Candidates, connection, transaction, source, deleteMissing, onChanged, async writer =>
        {
            long staged = 0;
            foreach (var r in records)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(r.ExternalId, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(r.HostType, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(r.Name, NpgsqlDbType.Text, cancellationToken);
                if (r.Capacity is { } capacity)
                {
                    await writer.WriteAsync(capacity, NpgsqlDbType.Integer, cancellationToken);
                }
                else
                {
                    await writer.WriteNullAsync(cancellationToken);
                }
                await WriteNullableAsync(writer, r.District, cancellationToken);
                await WriteNullableAsync(writer, r.Address, cancellationToken);
                await writer.WriteAsync(r.Lon, NpgsqlDbType.Double, cancellationToken);
                await writer.WriteAsync(r.Lat, NpgsqlDbType.Double, cancellationToken);
                staged++;
            }
            return staged;
        }, cancellationToken);

    private static async Task<MergeCounts> MergeAsync(
        Table table, NpgsqlConnection connection, NpgsqlTransaction transaction, string source, bool deleteMissing,
        Action<string, bool>? onChanged, Func<NpgsqlBinaryImporter, Task<long>> stage, CancellationToken cancellationToken)
    {
        var staging = table.Name + "_staging";
        await ExecuteAsync(connection, transaction, $"CREATE TEMP TABLE {staging} ({table.StagingColumns}) ON COMMIT DROP", source: null, cancellationToken);
        // Runs of one source are serialised, so the comparison below cannot race another run of the same source.
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock(hashtextextended('{table.Name}:' || @source, 0))", source, cancellationToken);

        long staged;
        await using (var writer = await connection.BeginBinaryImportAsync(
            $"COPY {staging} ({table.Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            staged = await stage(writer);
            await writer.CompleteAsync(cancellationToken);
        }
        await ExecuteAsync(connection, transaction, $"CREATE INDEX ON {staging} (external_id)", source: null, cancellationToken);

        // xmax = 0 on a RETURNING row means it was inserted; unchanged rows are neither written nor locked.
        var upsert = $"""
            WITH changed AS (
                SELECT g.* FROM {staging} g
                LEFT JOIN {table.Name} t ON t.source = @source AND t.external_id = g.external_id
                WHERE t.id IS NULL
                   OR ({Prefixed("t", table.Compared)}, ST_X(t.location), ST_Y(t.location))
                      IS DISTINCT FROM ({Prefixed("g", table.Compared)}, g.lon, g.lat)
            ), merged AS (
                INSERT INTO {table.Name} AS t (source, {table.Compared}, external_id, location)
                SELECT @source, {table.Compared}, external_id, ST_SetSRID(ST_MakePoint(lon, lat), 4326) FROM changed
                ON CONFLICT (source, external_id) DO UPDATE SET {table.Update}, location = EXCLUDED.location, updated_at = now()
                RETURNING t.external_id, (xmax = 0) AS inserted
            )
            SELECT external_id, inserted FROM merged
            """;
        long inserted = 0, updated = 0;
        await using (var command = new NpgsqlCommand(upsert, connection, transaction) { CommandTimeout = 0 })
        {
            command.Parameters.Add(new NpgsqlParameter<string>("source", source));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var wasInserted = reader.GetBoolean(1);
                onChanged?.Invoke(reader.GetString(0), wasInserted);
                if (wasInserted)
                {
                    inserted++;
                }
                else
                {
                    updated++;
                }
            }
        }

        long deleted = 0;
        if (deleteMissing)
        {
            await using var delete = new NpgsqlCommand(
                $"DELETE FROM {table.Name} t WHERE t.source = @source AND NOT EXISTS (SELECT 1 FROM {staging} g WHERE g.external_id = t.external_id)",
                connection, transaction) { CommandTimeout = 0 };
            delete.Parameters.Add(new NpgsqlParameter<string>("source", source));
            deleted = await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        return new MergeCounts(staged, inserted, updated, staged - inserted - updated, deleted);
    }

    private static string Prefixed(string alias, string columns) =>
        string.Join(", ", columns.Split(',', StringSplitOptions.TrimEntries).Select(c => $"{alias}.{c}"));

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, string? source, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        if (source is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string>("source", source));
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    /// <summary>The table-specific SQL fragments; table and column names are constants of this class, never input.</summary>
    private sealed record Table(string Name, string StagingColumns, string Columns, string Compared, string Update);
}
