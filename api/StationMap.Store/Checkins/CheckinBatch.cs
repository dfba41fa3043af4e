using Npgsql;
using NpgsqlTypes;
using StationMap.Domain;
using StationMap.Domain.Checkins;
using StationMap.Domain.Hours;

namespace StationMap.Store.Checkins;

/// <summary>
/// One transaction for the check-ins that arrived together: locks their stations and inserts them in one statement,
/// derives the status of each station they count for again under that lock (so two check-ins of one station never
/// derive from the same rows, in this process or another), stores the statuses that changed and NOTIFYs
/// <see cref="CheckinStore.StatusChannel"/> with their ids. Two round trips whatever the batch's size: BEGIN, the
/// locks, the insert and the blocked devices in one statement, with the statuses and evidence in a second (which sees
/// the rows of the first); then the changed statuses with COMMIT. Round trips and statements, not rows, set a batch's
/// cost when batches are small (at the peak rate they hold one or two check-ins), and the check-ins waiting for the next
/// batch wait for all of them (README, "Check-ins"). The transaction is opened and closed in SQL, not through
/// <see cref="NpgsqlTransaction"/>, whose commit is a round trip of its own; a batch that fails drops the connection,
/// and Npgsql rolls back what a connection it gets back still has open.
/// </summary>
internal static class CheckinBatch
{
    // The most evidence read per derivation: a station with more counted check-ins in a day is decided by these.
    private const int MaxEvidence = 1000;

    // Set once for the writer's own connection.
    // Not synchronous: a crash may lose the last few hundred milliseconds of check-ins, which a person sends again,
    // and none waits for its own WAL flush (README, "Check-ins").
    // Generic plans: with an array of a few elements a custom plan looks cheaper than the generic one (which assumes
    // ten), so PostgreSQL planned every statement of every small batch again; at the peak rate (batches of one or two)
    // planning took as long as running them (pg_stat_statements: the insert 269 us of planning a call). The generic
    // plans are the ones wanted anyway: index lookups driven by the arrays.
    // Named, so pg_stat_activity tells it from the pool's connections.
    private const string SessionSql =
        $"SET synchronous_commit = off; SET plan_cache_mode = force_generic_plan; SET application_name = '{ApplicationName}'";

    public const string ApplicationName = "stationmap-checkin-writer";

    // The statuses' locks are advisory locks of the station, (this class, the station id) in the two-key form, apart
    // from the one-key locks of imports and migrations (ids past 2^31 share a key with a smaller one: a wait at worst).
    // Locking a station_status row writes it (a new version by an upsert), for every station of every batch, where most
    // statuses do not change. Taken in key order (a volatile call is evaluated after the sort), so two batches never
    // wait on each other in a circle, and before any row is inserted: the insert's rows come out of the join with them.
    // Every station of the batch is locked, as which rows count is not known yet. The statements after this one (the
    // statuses, the evidence) see what was committed before the locks were granted.
    internal const int StatusLockClass = 0x53544154;

    // A blocked device's check-in inserts nothing and its key comes back flagged (the first column), so a missing row
    // is told from a duplicate. A device without a position weighs once it has history; the history read sees the rows
    // before this statement.
    private const string InsertSql = """
        WITH locked AS (
            SELECT count(*) AS stations FROM (
                SELECT pg_advisory_xact_lock(@lock_class, k.key)
                FROM (SELECT DISTINCT (s.id % 2147483648)::integer AS key FROM unnest(@station_ids) AS s(id)) k ORDER BY k.key) l),
        blocked AS (SELECT b.device_key FROM device_block b WHERE b.device_key = ANY(@blocked_keys)),
        inserted AS (
            INSERT INTO checkin (station_id, device_key, kind, amenity, weight, operator, created_at, day, hour_slot, comment, review)
            SELECT r.station_id, r.device_key, r.kind, r.amenity,
                   CASE WHEN r.counts THEN 1 ELSE (
                       SELECT CASE WHEN count(*) >= @history AND count(DISTINCT h.day) >= 2 THEN 1 ELSE 0 END
                       FROM (SELECT c.day FROM checkin c WHERE c.device_key = r.device_key AND c.weight = 1
                             ORDER BY c.created_at DESC LIMIT @history) h) END,
                   r.operator, r.created_at, r.day, r.hour_slot, r.comment, r.review
            FROM locked
            CROSS JOIN unnest(@station_ids, @device_keys, @kinds, @amenities, @counts, @operators, @ats, @days, @hour_slots, @comments, @reviews)
                 AS r(station_id, device_key, kind, amenity, counts, operator, created_at, day, hour_slot, comment, review)
            WHERE r.operator IS NOT NULL OR NOT EXISTS (SELECT 1 FROM blocked b WHERE b.device_key = r.device_key)
            ON CONFLICT (station_id, device_key, kind, hour_slot) DO NOTHING
            RETURNING id, station_id, device_key, kind, hour_slot, weight)
        SELECT false, id, station_id, device_key, kind, hour_slot, weight FROM inserted
        UNION ALL
        SELECT true, NULL, NULL, device_key, NULL, NULL, NULL FROM blocked
        """;

    // Each station's status (none without a row) with its evidence, the rows just inserted among it; the status is
    // repeated on each evidence row. The status row is looked up by its key for each station: as a plain join, the
    // generic plan (which assumes ten stations) hashed the batch and read the whole of station_status while the table
    // was small (EXPLAIN at 2,626 rows: 1.0 ms a batch of two, 0.19 ms by key; at 10,700 it chose the key itself).
    // By key the plan does not depend on the table's size; the LIMIT keeps the subquery from being flattened back.
    private const string StatusAndEvidenceSql = $"""
        SELECT {StatusColumns.Select}, s.id, encode(e.device_key, 'hex'), e.operator, e.created_at, e.kind, e.amenity
        FROM unnest(@ids, @sinces) AS s(id, since)
        LEFT JOIN LATERAL (SELECT * FROM station_status x WHERE x.station_id = s.id LIMIT 1) ss ON true
        LEFT JOIN LATERAL (
            SELECT c.device_key, c.operator, c.created_at, c.kind, c.amenity FROM checkin c
            WHERE c.station_id = s.id AND c.weight = 1 AND c.created_at > s.since
            ORDER BY c.created_at DESC
            LIMIT @max) e ON true
        """;

    private const string UpdateStatusSql = """
        WITH written AS (
            INSERT INTO station_status AS ss (station_id, last_confirmed_at, confirmed_until, closed_reporters, closed_since,
                closed_until, missing_amenities, crowded_until, updated_at)
            SELECT u.id, u.last_confirmed_at, u.confirmed_until, u.closed_reporters, u.closed_since, u.closed_until,
                   u.missing::jsonb, u.crowded_until, u.at
            FROM unnest(@ids, @last_confirmed_ats, @confirmed_untils, @closed_reporters, @closed_sinces, @closed_untils,
                        @missing, @crowded_untils, @ats)
                 AS u(id, last_confirmed_at, confirmed_until, closed_reporters, closed_since, closed_until, missing, crowded_until, at)
            ON CONFLICT (station_id) DO UPDATE SET last_confirmed_at = excluded.last_confirmed_at,
                confirmed_until = excluded.confirmed_until, closed_reporters = excluded.closed_reporters,
                closed_since = excluded.closed_since, closed_until = excluded.closed_until,
                missing_amenities = excluded.missing_amenities, crowded_until = excluded.crowded_until, updated_at = excluded.updated_at
            RETURNING ss.station_id)
        SELECT pg_notify('station_status_changed', station_id::text) FROM written
        """;

    /// <summary>The writer's connection, kept from batch to batch: its commits do not wait for the WAL, its plans are generic.</summary>
    public static async Task<NpgsqlConnection> OpenConnectionAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(SessionSql, connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Writes the batch and answers each of its check-ins; <paramref name="committed"/> hears each status that changed
    /// once it is committed and before any check-in is answered, in the order of the commits.
    /// </summary>
    public static async Task WriteAsync(
        NpgsqlConnection connection, IReadOnlyList<PendingCheckin> batch, Action<long, StationStatus> committed, CancellationToken cancellationToken)
    {
        // The same device, station, kind and hour twice in one batch: the first is written, the others answered like it.
        var firstOf = new Dictionary<string, PendingCheckin>();
        var copies = new List<(PendingCheckin Copy, PendingCheckin First)>();
        var unique = new List<PendingCheckin>(batch.Count);
        foreach (var pending in batch)
        {
            var key = KeyOf(pending.Checkin);
            if (firstOf.TryGetValue(key, out var first))
            {
                copies.Add((pending, first));
            }
            else
            {
                firstOf[key] = pending;
                unique.Add(pending);
            }
        }
        // Each station as of its latest check-in here, by the rules that check-in came with (the same in one process).
        var stations = unique.GroupBy(p => p.Checkin.StationId).OrderBy(g => g.Key)
            .Select(g => new StationInBatch(g.Key, g.Max(p => p.Checkin.At), g.Last().Rules)).ToArray();

        var read = await ReadAsync(connection, unique, stations, cancellationToken);

        var results = new Dictionary<PendingCheckin, CheckinResult>();
        var counted = new Dictionary<long, List<PendingCheckin>>();
        foreach (var pending in unique)
        {
            if (!read.Stored.TryGetValue(KeyOf(pending.Checkin), out var row))
            {
                var ignored = pending.Checkin.Operator is null && read.Blocked.Contains(Convert.ToHexString(pending.Checkin.DeviceKey));
                results[pending] = new CheckinResult(ignored ? CheckinOutcome.Ignored : CheckinOutcome.Duplicate, null);
            }
            else if (row.Weight == 1)
            {
                (counted.TryGetValue(pending.Checkin.StationId, out var list) ? list : counted[pending.Checkin.StationId] = []).Add(pending);
            }
            else
            {
                results[pending] = new CheckinResult(CheckinOutcome.Stored, row.Id);
            }
        }

        foreach (var pending in counted.Values.SelectMany(list => list))
        {
            results[pending] = new CheckinResult(CheckinOutcome.Counted, read.Stored[KeyOf(pending.Checkin)].Id);
        }
        var changes = Changes(stations.Where(s => counted.ContainsKey(s.Id)), read);
        await StoreAndCommitAsync(connection, changes, cancellationToken);
        foreach (var (stationId, status, _) in changes)
        {
            committed(stationId, status);
        }

        foreach (var (pending, result) in results)
        {
            pending.Result.TrySetResult(result);
        }
        foreach (var (copy, first) in copies)
        {
            var outcome = results[first].Outcome == CheckinOutcome.Ignored ? CheckinOutcome.Ignored : CheckinOutcome.Duplicate;
            copy.Result.TrySetResult(new CheckinResult(outcome, null));
        }
    }

    /// <summary>A station with check-ins in the batch: its status is derived as of <paramref name="At"/>.</summary>
    private sealed record StationInBatch(long Id, DateTimeOffset At, StatusRules Rules);

    /// <summary>What the first round trip read: the rows stored, the blocked devices, each station's status and evidence.</summary>
    private sealed record BatchRead(
        Dictionary<string, (long Id, short Weight)> Stored, HashSet<string> Blocked,
        Dictionary<long, StationStatus> Previous, Dictionary<long, List<StatusEvidence>> Evidence);

    private static string KeyOf(NewCheckin checkin) => KeyOf(checkin.StationId, checkin.DeviceKey, checkin.Kind.ToWire(), HourSlot(checkin.At));

    private static string KeyOf(long stationId, byte[] deviceKey, string kind, long hourSlot) =>
        $"{stationId}:{Convert.ToHexString(deviceKey)}:{kind}:{hourSlot}";

    private static long HourSlot(DateTimeOffset at) => at.ToUnixTimeSeconds() / 3600;

    /// <summary>
    /// Opens the batch's transaction, locks its stations, inserts its check-ins and reads which of its devices are
    /// blocked, then reads the stations' statuses and evidence, which holds the rows just inserted: one round trip.
    /// </summary>
    private static async Task<BatchRead> ReadAsync(
        NpgsqlConnection connection, List<PendingCheckin> batch, StationInBatch[] stations, CancellationToken cancellationToken)
    {
        var rows = batch.Select(p => p.Checkin).ToList();
        await using var commands = new NpgsqlBatch(connection);
        commands.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));

        var insert = new NpgsqlBatchCommand(InsertSql);
        var p = insert.Parameters;
        p.Add(new NpgsqlParameter<int>("lock_class", StatusLockClass));
        p.Add(new NpgsqlParameter<int>("history", CheckinStore.HistoryCheckins));
        p.Add(new NpgsqlParameter<long[]>("station_ids", [.. rows.Select(c => c.StationId)]));
        p.Add(Keys("device_keys", rows));
        // Asked for every device of the batch: which rows will be missing is not known before the insert.
        p.Add(Keys("blocked_keys", rows.Where(c => c.Operator is null)));
        p.Add(new NpgsqlParameter<string[]>("kinds", [.. rows.Select(c => c.Kind.ToWire())]));
        p.Add(Texts("amenities", rows.Select(c => c.Kind == CheckinKind.AmenityMissing ? Amenities.ToWire(c.Amenity)[0] : null)));
        p.Add(new NpgsqlParameter<bool[]>("counts", [.. rows.Select(c => c.Operator is not null || c.NearStation)]));
        p.Add(Texts("operators", rows.Select(c => c.Operator)));
        p.Add(new NpgsqlParameter<DateTimeOffset[]>("ats", [.. rows.Select(c => c.At)]));
        p.Add(new NpgsqlParameter<DateOnly[]>("days", [.. rows.Select(c => ChinaStandardTime.DateOf(c.At))]));
        p.Add(new NpgsqlParameter<long[]>("hour_slots", [.. rows.Select(c => HourSlot(c.At))]));
        p.Add(Texts("comments", rows.Select(c => c.Comment)));
        p.Add(Texts("reviews", rows.Select(c => c.Comment is not null || c.Kind == CheckinKind.ClosedPermanently ? "pending" : null)));
        commands.BatchCommands.Add(insert);

        var ids = stations.Select(s => s.Id).ToArray();
        var evidenceRows = new NpgsqlBatchCommand(StatusAndEvidenceSql);
        evidenceRows.Parameters.Add(new NpgsqlParameter<long[]>("ids", ids));
        evidenceRows.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("sinces", [.. stations.Select(s => s.At - s.Rules.Lookback)]));
        evidenceRows.Parameters.Add(new NpgsqlParameter<int>("max", MaxEvidence));
        commands.BatchCommands.Add(evidenceRows);

        var read = new BatchRead([], [], ids.ToDictionary(id => id, _ => StationStatus.None), ids.ToDictionary(id => id, _ => new List<StatusEvidence>()));
        await using var reader = await commands.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetBoolean(0))
            {
                read.Blocked.Add(Convert.ToHexString(reader.GetFieldValue<byte[]>(3)));
            }
            else
            {
                read.Stored[KeyOf(reader.GetInt64(2), reader.GetFieldValue<byte[]>(3), reader.GetString(4), reader.GetInt64(5))] =
                    (reader.GetInt64(1), reader.GetInt16(6));
            }
        }
        await reader.NextResultAsync(cancellationToken);
        var withStatus = new HashSet<long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var stationId = reader.GetInt64(StatusColumns.Count);
            if (!reader.IsDBNull(0) && withStatus.Add(stationId))
            {
                read.Previous[stationId] = StatusColumns.Read(reader).Status;
            }
            var e = StatusColumns.Count + 1;
            if (reader.IsDBNull(e + 2))
            {
                continue;
            }
            var byOperator = !reader.IsDBNull(e + 1);
            CheckinKinds.TryParse(reader.GetString(e + 3), out var kind);
            var amenity = !reader.IsDBNull(e + 4) && Amenities.TryParse(reader.GetString(e + 4), out var a) ? a : Amenity.None;
            read.Evidence[stationId].Add(new StatusEvidence(
                byOperator ? "operator:" + reader.GetString(e + 1) : reader.GetString(e), reader.GetFieldValue<DateTimeOffset>(e + 2), kind, amenity, byOperator));
        }
        return read;
    }

    /// <summary>
    /// The statuses that changed among these stations (those with counted check-ins), each with the time it was derived
    /// at: the latest of the batch's check-ins and the evidence. A check-in is timed when its request arrives, before it
    /// queues, so one timed a moment before another can land in the next batch; derived as of its own time, the station
    /// would lose the other's voice, already committed.
    /// </summary>
    private static List<(long Id, StationStatus Status, DateTimeOffset At)> Changes(IEnumerable<StationInBatch> stations, BatchRead read)
    {
        var changes = new List<(long, StationStatus, DateTimeOffset)>();
        foreach (var station in stations)
        {
            var previous = read.Previous[station.Id];
            var evidence = read.Evidence[station.Id];
            var at = evidence.Select(e => e.At).Append(station.At).Max();
            var status = StatusDerivation.Derive(evidence, previous, at, station.Rules);
            if (!Same(status, previous))
            {
                changes.Add((station.Id, status, at));
            }
        }
        return changes;
    }

    /// <summary>Stores the statuses that changed, announces them and commits: one round trip.</summary>
    private static async Task StoreAndCommitAsync(
        NpgsqlConnection connection, List<(long Id, StationStatus Status, DateTimeOffset At)> changed, CancellationToken cancellationToken)
    {
        await using var commands = new NpgsqlBatch(connection);
        if (changed.Count > 0)
        {
            var update = new NpgsqlBatchCommand(UpdateStatusSql);
            var p = update.Parameters;
            p.Add(new NpgsqlParameter<long[]>("ids", [.. changed.Select(c => c.Id)]));
            p.Add(Times("last_confirmed_ats", changed.Select(c => c.Status.LastConfirmedAt)));
            p.Add(Times("confirmed_untils", changed.Select(c => c.Status.ConfirmedUntil)));
            p.Add(new NpgsqlParameter<int[]>("closed_reporters", [.. changed.Select(c => c.Status.ClosedReporters)]));
            p.Add(Times("closed_sinces", changed.Select(c => c.Status.ClosedSince)));
            p.Add(Times("closed_untils", changed.Select(c => c.Status.ClosedUntil)));
            p.Add(new NpgsqlParameter<string[]>("missing", [.. changed.Select(c => StatusColumns.MissingJson(c.Status))]));
            p.Add(Times("crowded_untils", changed.Select(c => c.Status.CrowdedUntil)));
            p.Add(new NpgsqlParameter<DateTimeOffset[]>("ats", [.. changed.Select(c => c.At)]));
            commands.BatchCommands.Add(update);
        }
        commands.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        await commands.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter Keys(string name, IEnumerable<NewCheckin> rows) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = rows.Select(c => c.DeviceKey).ToArray() };

    private static bool Same(StationStatus a, StationStatus b) =>
        a.LastConfirmedAt == b.LastConfirmedAt && a.ConfirmedUntil == b.ConfirmedUntil && a.ClosedReporters == b.ClosedReporters
        && a.ClosedSince == b.ClosedSince && a.ClosedUntil == b.ClosedUntil && a.CrowdedUntil == b.CrowdedUntil
        && a.MissingAmenities.Count == b.MissingAmenities.Count
        && a.MissingAmenities.All(m => b.MissingAmenities.TryGetValue(m.Key, out var until) && until == m.Value);

    private static NpgsqlParameter Texts(string name, IEnumerable<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };

    private static NpgsqlParameter Times(string name, IEnumerable<DateTimeOffset?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = values.ToArray() };
}
