using Npgsql;
using NpgsqlTypes;
using StationMap.Domain;

namespace StationMap.Store.Stations;

/// <summary>
/// Writes a source's stations into the store: binary COPY into a staging table, then one statement upserts by
/// (source, external_id), touching only rows whose content changed. Runs inside the caller's transaction so that
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

    // Rows are compared first (a hash join with the stored rows of the source), so an unchanged row is neither
    // written nor locked: an unchanged re-import writes nothing. xmax = 0 on a RETURNING row means it was inserted.
    private const string MergedCte = """
        WITH changed AS (
            SELECT g.*
            FROM station_staging g
            LEFT JOIN station s ON s.source = @source AND s.external_id = g.external_id
            WHERE s.id IS NULL
               OR s.retired_at IS NOT NULL
               OR (s.kind, s.name, s.address, s.district, ST_X(s.location), ST_Y(s.location), s.amenities, s.opening_hours,
                   s.truck_parking_spaces, s.max_vehicle_length_m, s.hazmat_allowed, s.phone, s.host)
                  IS DISTINCT FROM
                  (g.kind, g.name, g.address, g.district, g.lon, g.lat, g.amenities, g.opening_hours, g.truck_parking_spaces,
                   g.max_vehicle_length_m, g.hazmat_allowed, g.phone, g.host)
        ), merged AS (
            INSERT INTO station AS t (source, external_id, kind, name, address, district, location, amenities,
                                      opening_hours, truck_parking_spaces, max_vehicle_length_m, hazmat_allowed, phone, host)
            SELECT @source, external_id, kind, name, address, district, ST_SetSRID(ST_MakePoint(lon, lat), 4326), amenities,
                   opening_hours, truck_parking_spaces, max_vehicle_length_m, hazmat_allowed, phone, host
            FROM changed
            ON CONFLICT (source, external_id) DO UPDATE SET
                kind = EXCLUDED.kind, name = EXCLUDED.name, address = EXCLUDED.address, district = EXCLUDED.district,
                location = EXCLUDED.location, amenities = EXCLUDED.amenities, opening_hours = EXCLUDED.opening_hours,
                truck_parking_spaces = EXCLUDED.truck_parking_spaces, max_vehicle_length_m = EXCLUDED.max_vehicle_length_m,
                hazmat_allowed = EXCLUDED.hazmat_allowed, phone = EXCLUDED.phone, host = EXCLUDED.host,
                updated_at = now(), retired_at = NULL
            RETURNING t.external_id, (xmax = 0) AS inserted
        )
        """;

    // Runs of one source are serialised, so the comparison above cannot race another run of the same source.
    private const string LockSource = "SELECT pg_advisory_xact_lock(hashtextextended(@source, 0))";

    // The stored rows of a source loaded earlier in the same transaction, or not yet analysed, are estimated at one,
    // so the planner may anti-join them by nested loop: with an index on staging that is n·log n, not n². Building the
    // index also records the staging row count for the planner (an ANALYZE would cost four times as much).
    private const string IndexStaging = "CREATE INDEX ON station_staging (external_id)";

    private const string UpsertCounting = MergedCte + """
        SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM merged
        """;

    private const string UpsertListing = MergedCte + "SELECT external_id, inserted FROM merged";

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
            foreach (var r in records)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(r.ExternalId, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(r.Kind.ToWire(), NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(r.Name, NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(writer, r.Address, NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(writer, r.District, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(r.Lon, NpgsqlDbType.Double, cancellationToken);
                await writer.WriteAsync(r.Lat, NpgsqlDbType.Double, cancellationToken);
                await writer.WriteAsync(Amenities.ToWire(r.Amenities), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(writer, r.OpeningHours, NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(writer, r.TruckParkingSpaces, NpgsqlDbType.Integer, cancellationToken);
                await WriteNullableAsync(writer, r.MaxVehicleLengthM, NpgsqlDbType.Double, cancellationToken);
                await writer.WriteAsync(r.HazmatAllowed, NpgsqlDbType.Boolean, cancellationToken);
                await WriteNullableAsync(writer, r.Phone, NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(writer, r.Host, NpgsqlDbType.Text, cancellationToken);
            }
            staged = (long)await writer.CompleteAsync(cancellationToken);
        }
        await using (var analyze = new NpgsqlCommand(IndexStaging, connection, transaction))
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        long inserted = 0, updated = 0;
        await using (var upsert = new NpgsqlCommand(onChanged is null ? UpsertCounting : UpsertListing, connection, transaction))
        {
            // A merge takes as long as its input is large (a million rows on a busy server outlast the 30 s default);
            // callers stop it with the cancellation token instead.
            upsert.CommandTimeout = 0;
            upsert.Parameters.Add(new NpgsqlParameter<string>("source", source));
            await using var reader = await upsert.ExecuteReaderAsync(cancellationToken);
            if (onChanged is null)
            {
                await reader.ReadAsync(cancellationToken);
                inserted = reader.GetInt64(0);
                updated = reader.GetInt64(1);
            }
            else
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    var wasInserted = reader.GetBoolean(1);
                    onChanged(reader.GetString(0), wasInserted);
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
        }

        long retired = 0;
        if (retireMissing)
        {
            await using var retire = new NpgsqlCommand(RetireMissing, connection, transaction) { CommandTimeout = 0 };
            retire.Parameters.Add(new NpgsqlParameter<string>("source", source));
            retired = await retire.ExecuteNonQueryAsync(cancellationToken);
        }

        return new MergeCounts(staged, inserted, updated, staged - inserted - updated, retired);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } v ? writer.WriteAsync(v, type, cancellationToken) : writer.WriteNullAsync(cancellationToken);

    private static Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, type, cancellationToken);
}

/// <summary>What a merge did: every staged row is exactly one of inserted, updated or unchanged.</summary>
public sealed record MergeCounts(long Staged, long Inserted, long Updated, long Unchanged, long Retired);
