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
            hazmat_allowed boolean, phone text, host text
        ) ON COMMIT DROP
        """;

    private const string CopyStaging = """
        COPY station_staging (external_id, kind, name, address, district, lon, lat, amenities, opening_hours,
                              truck_parking_spaces, max_vehicle_length_m, hazmat_allowed, phone, host)
        FROM STDIN (FORMAT BINARY)
        """;

    // xmax = 0 on a RETURNING row means the row was inserted rather than updated.
    private const string Upsert = """
        WITH merged AS (
            INSERT INTO station AS t (source, external_id, kind, name, address, district, location, amenities,
                                      opening_hours, truck_parking_spaces, max_vehicle_length_m, hazmat_allowed, phone, host)
            SELECT @source, external_id, kind, name, address, district, ST_SetSRID(ST_MakePoint(lon, lat), 4326), amenities,
                   opening_hours, truck_parking_spaces, max_vehicle_length_m, hazmat_allowed, phone, host
            FROM station_staging
            ON CONFLICT (source, external_id) DO UPDATE SET
                kind = EXCLUDED.kind, name = EXCLUDED.name, address = EXCLUDED.address, district = EXCLUDED.district,
                location = EXCLUDED.location, amenities = EXCLUDED.amenities, opening_hours = EXCLUDED.opening_hours,
                truck_parking_spaces = EXCLUDED.truck_parking_spaces, max_vehicle_length_m = EXCLUDED.max_vehicle_length_m,
                hazmat_allowed = EXCLUDED.hazmat_allowed, phone = EXCLUDED.phone, host = EXCLUDED.host,
                updated_at = now(), retired_at = NULL
            WHERE t.retired_at IS NOT NULL
               OR (t.kind, t.name, t.address, t.district, ST_X(t.location), ST_Y(t.location), t.amenities, t.opening_hours,
                   t.truck_parking_spaces, t.max_vehicle_length_m, t.hazmat_allowed, t.phone, t.host)
                  IS DISTINCT FROM
                  (EXCLUDED.kind, EXCLUDED.name, EXCLUDED.address, EXCLUDED.district, ST_X(EXCLUDED.location),
                   ST_Y(EXCLUDED.location), EXCLUDED.amenities, EXCLUDED.opening_hours, EXCLUDED.truck_parking_spaces,
                   EXCLUDED.max_vehicle_length_m, EXCLUDED.hazmat_allowed, EXCLUDED.phone, EXCLUDED.host)
            RETURNING (xmax = 0) AS inserted
        )
        SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM merged
        """;

    private const string RetireMissing = """
        UPDATE station t SET retired_at = now(), updated_at = now()
        WHERE t.source = @source AND t.retired_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM station_staging g WHERE g.external_id = t.external_id)
        """;

    /// <summary>Stages and merges <paramref name="records"/> for <paramref name="source"/> within <paramref name="transaction"/>.</summary>
    /// <param name="retireMissing">A full refresh: stations of this source absent from the records are retired, never deleted.</param>
    public static async Task<MergeCounts> MergeAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string source,
        IEnumerable<StationRecord> records,
        bool retireMissing,
        CancellationToken cancellationToken)
    {
        await using (var create = new NpgsqlCommand(CreateStaging, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
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
                await WriteNullableAsync(writer, r.HazmatAllowed, NpgsqlDbType.Boolean, cancellationToken);
                await WriteNullableAsync(writer, r.Phone, NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(writer, r.Host, NpgsqlDbType.Text, cancellationToken);
            }
            staged = (long)await writer.CompleteAsync(cancellationToken);
        }

        long inserted, updated;
        await using (var upsert = new NpgsqlCommand(Upsert, connection, transaction))
        {
            upsert.Parameters.Add(new NpgsqlParameter<string>("source", source));
            await using var reader = await upsert.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            inserted = reader.GetInt64(0);
            updated = reader.GetInt64(1);
        }

        long retired = 0;
        if (retireMissing)
        {
            await using var retire = new NpgsqlCommand(RetireMissing, connection, transaction);
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
