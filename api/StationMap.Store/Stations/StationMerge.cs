using Npgsql;
using NpgsqlTypes;
using StationMap.Domain;

namespace StationMap.Store.Stations;

/// <summary>
/// Writes a source's stations into the store: binary COPY into a staging table, then by (source, external_id) an
/// update of the stored rows whose content changed and an insert of the new ones. Runs inside the caller's transaction so that
/// a failure anywhere leaves the store as it was.
/// </summary>
public static class StationMerge
{
    private const string CreateStaging = """
        CREATE TEMP TABLE station_staging (
            external_id text NOT NULL, kind text NOT NULL, name text NOT NULL, address text, district text,
            lon double precision NOT NULL, lat double precision NOT NULL, amenities text[] NOT NULL,
            opening_hours text, truck_parking_spaces integer, max_vehicle_length_m double precision,
            hazmat_allowed boolean NOT NULL, phone text, host text
        ) ON COMMIT DROP
        """;

    private const string CopyStaging = """
        COPY station_staging (external_id, kind, name, address, district, lon, lat, amenities, opening_hours,
                              truck_parking_spaces, max_vehicle_length_m, hazmat_allowed, phone, host)
        FROM STDIN (FORMAT BINARY)
        """;

    // Two plain statements rather than one INSERT ... ON CONFLICT: for a large first import the conflict machinery
    // (speculative insertion per row) cost as much as the insert itself. Updating first lets the insert skip every
    // stored row with an anti-join. Unchanged rows are neither written nor locked, so an unchanged re-import writes nothing.
    private const string UpdateChanged = """
        UPDATE station t SET
            kind = g.kind, name = g.name, address = g.address, district = g.district,
            location = ST_SetSRID(ST_MakePoint(g.lon, g.lat), 4326), amenities = g.amenities, opening_hours = g.opening_hours,
            truck_parking_spaces = g.truck_parking_spaces, max_vehicle_length_m = g.max_vehicle_length_m,
            hazmat_allowed = g.hazmat_allowed, phone = g.phone, host = g.host,
            updated_at = now(), retired_at = NULL
        FROM station_staging g
        WHERE t.source = @source AND t.external_id = g.external_id
          AND (t.retired_at IS NOT NULL
               OR (t.kind, t.name, t.address, t.district, ST_X(t.location), ST_Y(t.location), t.amenities, t.opening_hours,
                   t.truck_parking_spaces, t.max_vehicle_length_m, t.hazmat_allowed, t.phone, t.host)
                  IS DISTINCT FROM
                  (g.kind, g.name, g.address, g.district, g.lon, g.lat, g.amenities, g.opening_hours, g.truck_parking_spaces,
                   g.max_vehicle_length_m, g.hazmat_allowed, g.phone, g.host))
        """;

    private const string InsertNew = """
        INSERT INTO station AS t (source, external_id, kind, name, address, district, location, amenities,
                                  opening_hours, truck_parking_spaces, max_vehicle_length_m, hazmat_allowed, phone, host)
        SELECT @source, g.external_id, g.kind, g.name, g.address, g.district, ST_SetSRID(ST_MakePoint(g.lon, g.lat), 4326),
               g.amenities, g.opening_hours, g.truck_parking_spaces, g.max_vehicle_length_m, g.hazmat_allowed, g.phone, g.host
        FROM station_staging g
        WHERE NOT EXISTS (SELECT 1 FROM station s WHERE s.source = @source AND s.external_id = g.external_id)
        """;

    private const string ReturningExternalId = " RETURNING t.external_id";

    // Runs of one source are serialised, so the comparison above cannot race another run of the same source.
    private const string LockSource = "SELECT pg_advisory_xact_lock(hashtextextended(@source, 0))";

    // The stored rows of a source loaded earlier in the same transaction, or not yet analysed, are estimated at one,
    // so the planner may anti-join them by nested loop: with an index on staging that is n·log n, not n². Building the
    // index also records the staging row count for the planner (an ANALYZE would cost four times as much).
    private const string IndexStaging = "CREATE INDEX ON station_staging (external_id)";

    private const string RetireMissing = """
        UPDATE station t SET retired_at = now(), updated_at = now()
        WHERE t.source = @source AND t.retired_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM station_staging g WHERE g.external_id = t.external_id)
        """;

    /// <summary>Stages and merges <paramref name="records"/> for <paramref name="source"/> within <paramref name="transaction"/>.</summary>
    /// <param name="retireMissing">A full refresh: stations of this source absent from the records are retired, never deleted.</param>
    public static Task<MergeCounts> MergeAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string source,
        IEnumerable<StationRecord> records,
        bool retireMissing,
        CancellationToken cancellationToken) =>
        MergeAsync(connection, transaction, source, records, retireMissing, onChanged: null, cancellationToken);

    /// <summary>
    /// As the other overload, and tells <paramref name="onChanged"/> the external id of every inserted (true) or
    /// updated (false) station, so a caller can attribute each input row; unchanged rows are the staged rest.
    /// </summary>
    public static async Task<MergeCounts> MergeAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string source,
        IEnumerable<StationRecord> records,
        bool retireMissing,
        Action<string, bool>? onChanged,
        CancellationToken cancellationToken)
    {
        await using (var create = new NpgsqlCommand(CreateStaging, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var lockSource = new NpgsqlCommand(LockSource, connection, transaction) { CommandTimeout = 0 })
        {
            lockSource.Parameters.Add(new NpgsqlParameter<string>("source", source));
            await lockSource.ExecuteNonQueryAsync(cancellationToken);
        }

        long staged;
        await using (var writer = await connection.BeginBinaryImportAsync(CopyStaging, cancellationToken))
        {
            // Synchronous writes: they only fill Npgsql's buffer (a send happens when it is full), and fourteen awaited
            // calls per row cost more than the row itself on a million-row import.
            foreach (var r in records)
            {
                cancellationToken.ThrowIfCancellationRequested();
                writer.StartRow();
                writer.Write(r.ExternalId, NpgsqlDbType.Text);
                writer.Write(r.Kind.ToWire(), NpgsqlDbType.Text);
                writer.Write(r.Name, NpgsqlDbType.Text);
                WriteNullable(writer, r.Address, NpgsqlDbType.Text);
                WriteNullable(writer, r.District, NpgsqlDbType.Text);
                writer.Write(r.Lon, NpgsqlDbType.Double);
                writer.Write(r.Lat, NpgsqlDbType.Double);
                writer.Write(Amenities.ToWire(r.Amenities), NpgsqlDbType.Array | NpgsqlDbType.Text);
                WriteNullable(writer, r.OpeningHours, NpgsqlDbType.Text);
                WriteNullable(writer, r.TruckParkingSpaces, NpgsqlDbType.Integer);
                WriteNullable(writer, r.MaxVehicleLengthM, NpgsqlDbType.Double);
                writer.Write(r.HazmatAllowed, NpgsqlDbType.Boolean);
                WriteNullable(writer, r.Phone, NpgsqlDbType.Text);
                WriteNullable(writer, r.Host, NpgsqlDbType.Text);
            }
            staged = (long)await writer.CompleteAsync(cancellationToken);
        }
        await using (var analyze = new NpgsqlCommand(IndexStaging, connection, transaction))
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        var updated = await WriteChangesAsync(connection, transaction, UpdateChanged, source, onChanged, inserted: false, cancellationToken);
        var inserted = await WriteChangesAsync(connection, transaction, InsertNew, source, onChanged, inserted: true, cancellationToken);

        long retired = 0;
        if (retireMissing)
        {
            await using var retire = new NpgsqlCommand(RetireMissing, connection, transaction) { CommandTimeout = 0 };
            retire.Parameters.Add(new NpgsqlParameter<string>("source", source));
            retired = await retire.ExecuteNonQueryAsync(cancellationToken);
        }

        return new MergeCounts(staged, inserted, updated, staged - inserted - updated, retired);
    }

    private static async Task<long> WriteChangesAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string sql,
        string source,
        Action<string, bool>? onChanged,
        bool inserted,
        CancellationToken cancellationToken)
    {
        // A merge takes as long as its input is large (a million rows on a busy server outlast the 30 s default);
        // callers stop it with the cancellation token instead.
        await using var command = new NpgsqlCommand(onChanged is null ? sql : sql + ReturningExternalId, connection, transaction)
        {
            CommandTimeout = 0,
        };
        command.Parameters.Add(new NpgsqlParameter<string>("source", source));
        if (onChanged is null)
        {
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        long count = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            onChanged(reader.GetString(0), inserted);
            count++;
        }
        return count;
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } v)
        {
            writer.Write(v, type);
        }
        else
        {
            writer.WriteNull();
        }
    }

    private static void WriteNullable(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, type);
        }
    }
}

/// <summary>What a merge did: every staged row is exactly one of inserted, updated or unchanged.</summary>
public sealed record MergeCounts(long Staged, long Inserted, long Updated, long Unchanged, long Retired);
