using Npgsql;
using NpgsqlTypes;
using StationMap.Domain;
using StationMap.Domain.Checkins;
using StationMap.Domain.Hours;

namespace StationMap.Store.Checkins;

/// <summary>
/// Writes check-ins and keeps <c>station_status</c> derived from them: one transaction per check-in that inserts it,
/// derives the station's status again under the status row's lock (so two check-ins of one station never derive from
/// the same rows), and NOTIFYs <see cref="StatusChannel"/> with the station id when the status changed.
/// </summary>
public sealed class CheckinStore(StationDataSources dataSources)
{
    public const string StatusChannel = "station_status_changed";

    /// <summary>A device without a position counts once it has this many counted check-ins on two days or more.</summary>
    public const int HistoryCheckins = 3;

    // The most evidence read per derivation: a station with more counted check-ins in a day is decided by these.
    private const int MaxEvidence = 1000;

    private const string BlockedSql = "SELECT EXISTS (SELECT 1 FROM device_block WHERE device_key = @device_key)";

    private const string HistorySql = """
        SELECT count(*) >= @checkins AND count(DISTINCT day) >= 2
        FROM (SELECT day FROM checkin WHERE device_key = @device_key AND weight = 1 ORDER BY created_at DESC LIMIT @checkins) recent
        """;

    // A blocked device's check-in inserts nothing, like a duplicate; the rare empty answer is told apart afterwards.
    // Not synchronous: a crash may lose the last few hundred milliseconds of check-ins, which a person sends again,
    // and each one does not wait for its own WAL flush (README, "Check-ins").
    private const string InsertSql = """
        SET LOCAL synchronous_commit = off;
        INSERT INTO checkin (station_id, device_key, kind, amenity, weight, operator, created_at, day, hour_slot, comment, review)
        SELECT @station_id, @device_key, @kind, @amenity, @weight, @operator, @at, @day, @hour_slot, @comment, @review
        WHERE @operator::text IS NOT NULL OR NOT EXISTS (SELECT 1 FROM device_block WHERE device_key = @device_key)
        ON CONFLICT (station_id, device_key, kind, hour_slot) DO NOTHING
        RETURNING id
        """;

    // One statement makes the row if needed and locks it (ON CONFLICT DO UPDATE takes the row lock), returning it.
    private const string LockStatusSql = $"""
        INSERT INTO station_status AS ss (station_id, updated_at) VALUES (@station_id, @at)
        ON CONFLICT (station_id) DO UPDATE SET updated_at = ss.updated_at
        RETURNING {StatusColumns.Select}
        """;

    private const string EvidenceSql = """
        SELECT encode(device_key, 'hex'), operator, created_at, kind, amenity
        FROM checkin
        WHERE station_id = @station_id AND weight = 1 AND created_at > @since AND created_at <= @at
        ORDER BY created_at DESC
        LIMIT @max
        """;

    private const string UpdateStatusSql = """
        WITH updated AS (
            UPDATE station_status SET last_confirmed_at = @last_confirmed_at, confirmed_until = @confirmed_until,
                closed_reporters = @closed_reporters, closed_since = @closed_since, closed_until = @closed_until,
                missing_amenities = @missing::jsonb, crowded_until = @crowded_until, updated_at = @at
            WHERE station_id = @station_id
            RETURNING station_id)
        SELECT pg_notify('station_status_changed', station_id::text) FROM updated
        """;

    public async Task<CheckinResult> AddAsync(NewCheckin checkin, StatusRules rules, CancellationToken cancellationToken)
    {
        await using var connection = await dataSources.Write.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var counts = checkin.Operator is not null || checkin.NearStation
            || await ScalarAsync<bool>(connection, HistorySql, c =>
            {
                c.Parameters.Add(Key(checkin.DeviceKey));
                c.Parameters.Add(new NpgsqlParameter<int>("checkins", HistoryCheckins));
            }, cancellationToken);

        var needsReview = checkin.Comment is not null || checkin.Kind == CheckinKind.ClosedPermanently;
        long? id;
        await using (var insert = new NpgsqlCommand(InsertSql, connection, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter<long>("station_id", checkin.StationId));
            insert.Parameters.Add(Key(checkin.DeviceKey));
            insert.Parameters.Add(new NpgsqlParameter<string>("kind", checkin.Kind.ToWire()));
            insert.Parameters.Add(new NpgsqlParameter("amenity", NpgsqlDbType.Text)
            {
                Value = checkin.Kind == CheckinKind.AmenityMissing ? Amenities.ToWire(checkin.Amenity)[0] : DBNull.Value,
            });
            insert.Parameters.Add(new NpgsqlParameter<short>("weight", (short)(counts ? 1 : 0)));
            insert.Parameters.Add(new NpgsqlParameter("operator", NpgsqlDbType.Text) { Value = (object?)checkin.Operator ?? DBNull.Value });
            insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", checkin.At));
            insert.Parameters.Add(new NpgsqlParameter<DateOnly>("day", ChinaStandardTime.DateOf(checkin.At)));
            insert.Parameters.Add(new NpgsqlParameter<long>("hour_slot", checkin.At.ToUnixTimeSeconds() / 3600));
            insert.Parameters.Add(new NpgsqlParameter("comment", NpgsqlDbType.Text) { Value = (object?)checkin.Comment ?? DBNull.Value });
            insert.Parameters.Add(new NpgsqlParameter("review", NpgsqlDbType.Text) { Value = needsReview ? "pending" : DBNull.Value });
            id = await insert.ExecuteScalarAsync(cancellationToken) as long?;
        }
        if (id is null)
        {
            var blocked = checkin.Operator is null
                && await ScalarAsync<bool>(connection, BlockedSql, c => c.Parameters.Add(Key(checkin.DeviceKey)), cancellationToken);
            return new CheckinResult(blocked ? CheckinOutcome.Ignored : CheckinOutcome.Duplicate, null, StationStatus.None, false);
        }
        if (!counts)
        {
            await transaction.CommitAsync(cancellationToken);
            return new CheckinResult(CheckinOutcome.Stored, id, StationStatus.None, false);
        }

        var (status, changed) = await DeriveAsync(connection, transaction, checkin.StationId, checkin.At, rules, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CheckinResult(CheckinOutcome.Counted, id, status, changed);
    }

    /// <summary>Derives the station's status again under its row lock, stores it and announces a change.</summary>
    private static async Task<(StationStatus Status, bool Changed)> DeriveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long stationId, DateTimeOffset at, StatusRules rules, CancellationToken cancellationToken)
    {
        StationStatus previous;
        await using (var lockRow = new NpgsqlCommand(LockStatusSql, connection, transaction))
        {
            lockRow.Parameters.Add(new NpgsqlParameter<long>("station_id", stationId));
            lockRow.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", at));
            await using var reader = await lockRow.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            previous = StatusColumns.Read(reader).Status;
        }
        var evidence = new List<StatusEvidence>();
        await using (var read = new NpgsqlCommand(EvidenceSql, connection, transaction))
        {
            read.Parameters.Add(new NpgsqlParameter<long>("station_id", stationId));
            read.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("since", at - rules.Lookback));
            read.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", at));
            read.Parameters.Add(new NpgsqlParameter<int>("max", MaxEvidence));
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var byOperator = !reader.IsDBNull(1);
                CheckinKinds.TryParse(reader.GetString(3), out var kind);
                var amenity = !reader.IsDBNull(4) && Amenities.TryParse(reader.GetString(4), out var a) ? a : Amenity.None;
                evidence.Add(new StatusEvidence(
                    byOperator ? "operator:" + reader.GetString(1) : reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(2), kind, amenity, byOperator));
            }
        }
        var status = StatusDerivation.Derive(evidence, previous, at, rules);
        if (Same(status, previous))
        {
            return (previous, false);
        }
        await using (var update = new NpgsqlCommand(UpdateStatusSql, connection, transaction))
        {
            update.Parameters.Add(new NpgsqlParameter<long>("station_id", stationId));
            update.Parameters.Add(At("last_confirmed_at", status.LastConfirmedAt));
            update.Parameters.Add(At("confirmed_until", status.ConfirmedUntil));
            update.Parameters.Add(new NpgsqlParameter<int>("closed_reporters", status.ClosedReporters));
            update.Parameters.Add(At("closed_since", status.ClosedSince));
            update.Parameters.Add(At("closed_until", status.ClosedUntil));
            update.Parameters.Add(new NpgsqlParameter<string>("missing", StatusColumns.MissingJson(status)));
            update.Parameters.Add(At("crowded_until", status.CrowdedUntil));
            update.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", at));
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
        return (status, true);
    }

    private static bool Same(StationStatus a, StationStatus b) =>
        a.LastConfirmedAt == b.LastConfirmedAt && a.ConfirmedUntil == b.ConfirmedUntil && a.ClosedReporters == b.ClosedReporters
        && a.ClosedSince == b.ClosedSince && a.ClosedUntil == b.ClosedUntil && a.CrowdedUntil == b.CrowdedUntil
        && a.MissingAmenities.Count == b.MissingAmenities.Count
        && a.MissingAmenities.All(m => b.MissingAmenities.TryGetValue(m.Key, out var until) && until == m.Value);

    private static NpgsqlParameter At(string name, DateTimeOffset? value) =>
        new(name, NpgsqlDbType.TimestampTz) { Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Key(byte[] deviceKey) => new NpgsqlParameter<byte[]>("device_key", deviceKey);

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, Action<NpgsqlCommand> parameters, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        parameters(command);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
