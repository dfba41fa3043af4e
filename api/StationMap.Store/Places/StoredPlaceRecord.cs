using Npgsql;
using StationMap.Domain;
using StationMap.Domain.Places;

namespace StationMap.Store.Places;

/// <summary>A station as matching reads it: what the matcher compares, and the place and pin it has now.</summary>
internal sealed record StoredPlaceRecord(PlaceRecord Record, long PlaceId, bool Pin, DateTimeOffset UpdatedAt, bool Retired)
{
    public const string Columns = """
        s.id, s.source, s.external_id, s.kind, s.name, s.address, s.host, s.phone, ST_Y(s.location), ST_X(s.location),
        s.place_id, s.pin, s.updated_at, s.retired_at IS NOT NULL
        """;

    public static StoredPlaceRecord Read(NpgsqlDataReader reader)
    {
        StationKinds.TryParse(reader.GetString(3), out var kind);
        return new StoredPlaceRecord(
            new PlaceRecord
            {
                Id = reader.GetInt64(0),
                Source = reader.GetString(1),
                ExternalId = reader.GetString(2),
                Kind = kind,
                Name = reader.GetString(4),
                Address = reader.IsDBNull(5) ? null : reader.GetString(5),
                Host = reader.IsDBNull(6) ? null : reader.GetString(6),
                Phone = reader.IsDBNull(7) ? null : reader.GetString(7),
                Lat = reader.GetDouble(8),
                Lon = reader.GetDouble(9),
            },
            reader.GetInt64(10),
            reader.GetBoolean(11),
            reader.GetFieldValue<DateTimeOffset>(12),
            reader.GetBoolean(13));
    }
}

/// <summary>The reads of matching, all inside the caller's transaction.</summary>
internal static class PlaceRecords
{
    private const string AllLiveSql = $"SELECT {StoredPlaceRecord.Columns} FROM station s WHERE s.retired_at IS NULL";

    private const string ByIdsSql = $"SELECT {StoredPlaceRecord.Columns} FROM station s WHERE s.id = ANY(@ids)";

    // The live records of these places: whoever shares a place with a record in play is in play too.
    private const string InPlacesSql = $"SELECT {StoredPlaceRecord.Columns} FROM station s WHERE s.place_id = ANY(@places) AND s.retired_at IS NULL";

    // Live records within each point's radius (one index probe of the live geography index per point).
    private const string AroundSql = $"""
        SELECT DISTINCT ON (s.id) {StoredPlaceRecord.Columns}
        FROM unnest(@lats::float8[], @lons::float8[], @radii::float8[]) AS q(lat, lon, radius_m)
        JOIN station s ON s.retired_at IS NULL
         AND ST_DWithin(s.location::geography, ST_SetSRID(ST_MakePoint(q.lon, q.lat), 4326)::geography, q.radius_m)
        ORDER BY s.id
        """;

    private const string DecisionsSql = "SELECT station_a, station_b, decision = 'link' FROM match_decision";

    private const string DecisionsOfSql = """
        SELECT station_a, station_b, decision = 'link' FROM match_decision WHERE station_a = ANY(@ids)
        UNION
        SELECT station_a, station_b, decision = 'link' FROM match_decision WHERE station_b = ANY(@ids)
        """;

    public static Task<List<StoredPlaceRecord>> AllLiveAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken) =>
        ReadAsync(connection, transaction, AllLiveSql, _ => { }, cancellationToken);

    public static Task<List<StoredPlaceRecord>> ByIdsAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        ReadAsync(connection, transaction, ByIdsSql, p => p.Add(new NpgsqlParameter<long[]>("ids", [.. ids])), cancellationToken);

    public static Task<List<StoredPlaceRecord>> InPlacesAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyCollection<long> places, CancellationToken cancellationToken) =>
        ReadAsync(connection, transaction, InPlacesSql, p => p.Add(new NpgsqlParameter<long[]>("places", [.. places])), cancellationToken);

    public static Task<List<StoredPlaceRecord>> AroundAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<(double Lat, double Lon, double RadiusM)> points,
        CancellationToken cancellationToken) =>
        ReadAsync(connection, transaction, AroundSql, p =>
        {
            p.Add(new NpgsqlParameter<double[]>("lats", [.. points.Select(x => x.Lat)]));
            p.Add(new NpgsqlParameter<double[]>("lons", [.. points.Select(x => x.Lon)]));
            p.Add(new NpgsqlParameter<double[]>("radii", [.. points.Select(x => x.RadiusM)]));
        }, cancellationToken);

    /// <summary>The operators' decisions: all of them, or those naming one of <paramref name="ids"/>.</summary>
    public static async Task<List<PairDecision>> DecisionsAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyCollection<long>? ids, CancellationToken cancellationToken)
    {
        var decisions = new List<PairDecision>();
        await using var command = new NpgsqlCommand(ids is null ? DecisionsSql : DecisionsOfSql, connection, transaction);
        if (ids is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<long[]>("ids", [.. ids]));
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            decisions.Add(new PairDecision(reader.GetInt64(0), reader.GetInt64(1), reader.GetBoolean(2)));
        }
        return decisions;
    }

    private static async Task<List<StoredPlaceRecord>> ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, Action<NpgsqlParameterCollection> parameters, CancellationToken cancellationToken)
    {
        var records = new List<StoredPlaceRecord>();
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        parameters(command.Parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(StoredPlaceRecord.Read(reader));
        }
        return records;
    }
}
