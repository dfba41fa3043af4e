using System.Text.Json;
using Npgsql;
using StationMap.Store.Imports;
using StationMap.Store.Places;

namespace StationMap.Store.Checkins;

/// <summary>
/// The moderation queue and its decisions. Approving a permanent closure retires the station as a full import would
/// (the same column, a recorded <c>import_run</c>, the data version bump that reloads every index), and a revert
/// brings it back the same way; every decision is kept in <c>moderation_decision</c>.
/// </summary>
public sealed class ModerationQueries(StationDataSources dataSources)
{
    public const string ClosureType = "closure";
    public const string CommentType = "comment";

    private const string QueueSql = """
        WITH closures AS (
            SELECT min(c.id) AS id, c.station_id, min(c.created_at) AS first_at, max(c.created_at) AS last_at,
                   count(DISTINCT c.device_key)::int AS devices, array_remove(array_agg(c.comment ORDER BY c.created_at), NULL) AS comments
            FROM checkin c
            WHERE c.review = 'pending' AND c.kind = 'closed_permanently'
            GROUP BY c.station_id
        ), items AS (
            SELECT id, 'closure' AS type, station_id, 'closed_permanently' AS kind, NULL::text AS comment, first_at, last_at, devices, comments
            FROM closures
            UNION ALL
            SELECT c.id, 'comment', c.station_id, c.kind, c.comment, c.created_at, c.created_at, 1, ARRAY[]::text[]
            FROM checkin c
            WHERE c.review = 'pending' AND c.kind <> 'closed_permanently'
        )
        SELECT i.id, i.type, i.station_id, s.name, s.district, s.retired_at IS NOT NULL, i.kind, i.comment, i.first_at, i.last_at, i.devices,
               (SELECT count(DISTINCT r.device_key)::int FROM checkin r
                WHERE r.station_id = i.station_id AND r.kind IN ('closed_now', 'closed_permanently') AND r.created_at > @now - interval '24 hours'),
               i.comments
        FROM items i JOIN station s ON s.id = i.station_id
        ORDER BY i.first_at, i.id
        LIMIT @limit
        """;

    private const string TargetSql = """
        SELECT c.station_id, c.kind, c.review, s.source, s.retired_at IS NOT NULL
        FROM checkin c JOIN station s ON s.id = c.station_id
        WHERE c.id = @id
        FOR UPDATE OF s
        """;

    private const string MarkSql = """
        UPDATE checkin SET review = @review
        WHERE review = 'pending' AND (id = @id OR (@closure AND station_id = @station_id AND kind = 'closed_permanently'))
        """;

    private const string RetireSql = "UPDATE station SET retired_at = @at, updated_at = @at WHERE id = @station_id AND retired_at IS NULL";

    private const string ReviveSql = "UPDATE station SET retired_at = NULL, updated_at = @at WHERE id = @station_id AND retired_at IS NOT NULL";

    private const string DecisionSql = """
        INSERT INTO moderation_decision (checkin_id, station_id, action, operator, decided_at, import_run_id)
        VALUES (@id, @station_id, @action, @operator, @at, @import_run_id)
        """;

    private const string LastClosureDecisionSql = """
        SELECT action FROM moderation_decision
        WHERE station_id = @station_id AND action IN ('approve', 'revert') AND import_run_id IS NOT NULL
        ORDER BY decided_at DESC, id DESC LIMIT 1
        """;

    private const string BlockSql = """
        INSERT INTO device_block (device_key, blocked_at, operator, reason)
        SELECT device_key, @at, @operator, 'check-in ' || id FROM checkin WHERE id = @id
        ON CONFLICT (device_key) DO NOTHING
        """;

    private const string ApprovedCommentsSql = """
        SELECT comment, created_at FROM checkin
        WHERE station_id = @station_id AND review = 'approved' AND comment IS NOT NULL
        ORDER BY created_at DESC LIMIT @limit
        """;

    public async Task<IReadOnlyList<ModerationItem>> QueueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSources.Write.CreateCommand(QueueSql);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now.ToUniversalTime()));
        command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
        var items = new List<ModerationItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new ModerationItem(
                reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetBoolean(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetFieldValue<DateTimeOffset>(8), reader.GetFieldValue<DateTimeOffset>(9), reader.GetInt32(10), reader.GetInt32(11),
                reader.GetFieldValue<string[]>(12)));
        }
        return items;
    }

    /// <summary>Approves (true) or rejects a queue item: a closure approved retires the station, recorded as an import run.</summary>
    public Task<ModerationOutcome> DecideAsync(long checkinId, bool approve, string operatorName, DateTimeOffset now, CancellationToken cancellationToken) =>
        InTransactionAsync(checkinId, async (connection, target) =>
        {
            if (target.Review != "pending")
            {
                return ModerationOutcome.NotPending;
            }
            var closure = target.Kind == "closed_permanently";
            await ExecuteAsync(connection, MarkSql, checkinId, target.StationId, now, c =>
            {
                c.Parameters.Add(new NpgsqlParameter<string>("review", approve ? "approved" : "rejected"));
                c.Parameters.Add(new NpgsqlParameter<bool>("closure", closure));
            }, cancellationToken);
            long? run = null;
            if (approve && closure && !target.Retired)
            {
                await ExecuteAsync(connection, RetireSql, checkinId, target.StationId, now, null, cancellationToken);
                // The station's place keeps its other sources' records: one of them becomes its pin.
                await PlaceMatching.AfterChangeAsync(connection, null, [target.StationId], cancellationToken);
                run = await RecordRunAsync(connection, target, "retire", retired: 1, revived: 0, checkinId, operatorName, now, cancellationToken);
            }
            await RecordDecisionAsync(connection, checkinId, target.StationId, approve ? "approve" : "reject", operatorName, now, run, cancellationToken);
            return ModerationOutcome.Done;
        }, cancellationToken);

    /// <summary>Undoes an approved closure: the station is live again, recorded the same way.</summary>
    public Task<ModerationOutcome> RevertAsync(long checkinId, string operatorName, DateTimeOffset now, CancellationToken cancellationToken) =>
        InTransactionAsync(checkinId, async (connection, target) =>
        {
            await using var last = new NpgsqlCommand(LastClosureDecisionSql, connection);
            last.Parameters.Add(new NpgsqlParameter<long>("station_id", target.StationId));
            if (await last.ExecuteScalarAsync(cancellationToken) as string != "approve" || !target.Retired)
            {
                return ModerationOutcome.NotPending;
            }
            await ExecuteAsync(connection, ReviveSql, checkinId, target.StationId, now, null, cancellationToken);
            await PlaceMatching.AfterChangeAsync(connection, null, [target.StationId], cancellationToken);
            var run = await RecordRunAsync(connection, target, "revert", retired: 0, revived: 1, checkinId, operatorName, now, cancellationToken);
            await RecordDecisionAsync(connection, checkinId, target.StationId, "revert", operatorName, now, run, cancellationToken);
            return ModerationOutcome.Done;
        }, cancellationToken);

    /// <summary>Ignores the device that sent a check-in from now on (the kill switch).</summary>
    public Task<ModerationOutcome> BlockDeviceAsync(long checkinId, string operatorName, DateTimeOffset now, CancellationToken cancellationToken) =>
        InTransactionAsync(checkinId, async (connection, target) =>
        {
            await ExecuteAsync(connection, BlockSql, checkinId, target.StationId, now, c => c.Parameters.Add(new NpgsqlParameter<string>("operator", operatorName)), cancellationToken);
            await RecordDecisionAsync(connection, checkinId, target.StationId, "block_device", operatorName, now, null, cancellationToken);
            return ModerationOutcome.Done;
        }, cancellationToken);

    /// <summary>The latest approved comments of a station, newest first.</summary>
    public async Task<IReadOnlyList<(string Text, DateTimeOffset At)>> ApprovedCommentsAsync(long stationId, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSources.Read.CreateCommand(ApprovedCommentsSql);
        command.Parameters.Add(new NpgsqlParameter<long>("station_id", stationId));
        command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
        var comments = new List<(string, DateTimeOffset)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            comments.Add((reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1)));
        }
        return comments;
    }

    private sealed record Target(long StationId, string Kind, string? Review, string Source, bool Retired);

    private async Task<ModerationOutcome> InTransactionAsync(
        long checkinId, Func<NpgsqlConnection, Target, Task<ModerationOutcome>> decide, CancellationToken cancellationToken)
    {
        await using var connection = await dataSources.Write.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        Target? target = null;
        await using (var read = new NpgsqlCommand(TargetSql, connection, transaction))
        {
            read.Parameters.Add(new NpgsqlParameter<long>("id", checkinId));
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                target = new Target(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), reader.GetBoolean(4));
            }
        }
        if (target is null)
        {
            return ModerationOutcome.NotFound;
        }
        var outcome = await decide(connection, target);
        if (outcome == ModerationOutcome.Done)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return outcome;
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, string sql, long checkinId, long stationId, DateTimeOffset now, Action<NpgsqlCommand>? more, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<long>("id", checkinId));
        command.Parameters.Add(new NpgsqlParameter<long>("station_id", stationId));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", now.ToUniversalTime()));
        more?.Invoke(command);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Task<long> RecordRunAsync(
        NpgsqlConnection connection, Target target, string what, int retired, int revived, long checkinId, string operatorName, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        ImportRunQueries.InsertAsync(connection, null, new ImportRun
        {
            Source = target.Source, Format = "moderation", Crs = "wgs84", Mode = "incremental", Status = "succeeded",
            Retired = retired, Updated = revived, StartedAt = now.ToUniversalTime(), FinishedAt = now.ToUniversalTime(),
        }, JsonSerializer.Serialize(new { moderation = what, stationId = target.StationId, checkinId, @operator = operatorName }), cancellationToken);

    private static async Task RecordDecisionAsync(
        NpgsqlConnection connection, long checkinId, long stationId, string action, string operatorName, DateTimeOffset now, long? run,
        CancellationToken cancellationToken) =>
        await ExecuteAsync(connection, DecisionSql, checkinId, stationId, now, c =>
        {
            c.Parameters.Add(new NpgsqlParameter<string>("action", action));
            c.Parameters.Add(new NpgsqlParameter<string>("operator", operatorName));
            c.Parameters.Add(new NpgsqlParameter("import_run_id", NpgsqlTypes.NpgsqlDbType.Bigint) { Value = (object?)run ?? DBNull.Value });
        }, cancellationToken);
}
