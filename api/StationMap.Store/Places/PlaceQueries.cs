using System.Text.Json;
using Npgsql;

namespace StationMap.Store.Places;

/// <summary>A record in a review pair, as an operator compares it.</summary>
public sealed record PlaceReviewRecord(
    long Id, string Source, string ExternalId, string Kind, string Name, string? Address, string? Phone, string? Host,
    double Lat, double Lon, long PlaceId, bool Pin, bool Retired);

/// <summary>Why the matcher put a pair in review; the same fields as the matcher's evidence, agreements as words.</summary>
public sealed record PlaceEvidence(
    double DistanceM, bool Shifted, double? NameSimilarity, bool NameShared, string Brand, string Host, string Address, string Phone,
    bool SameKind, double Score);

/// <summary>A pair waiting for an operator.</summary>
public sealed record PlaceReviewItem(long Id, double Score, DateTimeOffset QueuedAt, PlaceEvidence Evidence, PlaceReviewRecord A, PlaceReviewRecord B);

/// <summary>The review queue's head and how long it is.</summary>
public sealed record PlaceReviewPage(int Pending, IReadOnlyList<PlaceReviewItem> Items);

/// <summary>One source's record of a place, for the card.</summary>
public sealed record PlaceSourceRecord(long Id, string Source, string ExternalId, string Name, bool Pin, DateTimeOffset UpdatedAt, DateTimeOffset? RetiredAt);

/// <summary>How an operator's decision ended: the pair decided (smaller id first), or what was not found.</summary>
/// <param name="Missing">The station id that names no station (a direct decision on a pair); null for a queue item not found.</param>
public sealed record PlaceDecisionOutcome((long A, long B)? Pair, long? Missing = null)
{
    public static PlaceDecisionOutcome NotFound { get; } = new(Pair: null);
}

/// <summary>The review queue, operators' decisions and the records of a place: all SQL of places the API runs.</summary>
public sealed class PlaceQueries(StationDataSources dataSources)
{
    /// <summary>The most records a card lists for one place (an operator's links could make a place of many).</summary>
    public const int MaxSourcesListed = 50;

    private const string Record = """
        {0}.id, {0}.source, {0}.external_id, {0}.kind, {0}.name, {0}.address, {0}.phone, {0}.host,
        ST_Y({0}.location), ST_X({0}.location), {0}.place_id, {0}.pin, {0}.retired_at IS NOT NULL
        """;

    // Pairs whose records are both live, the likeliest first. A pair with a retired record waits until it is back.
    private static readonly string QueueSql = $"""
        SELECT r.id, r.score, r.queued_at, r.evidence::text, {string.Format(Record, "a")}, {string.Format(Record, "b")}
        FROM match_review r
        JOIN station a ON a.id = r.station_a
        JOIN station b ON b.id = r.station_b
        WHERE a.retired_at IS NULL AND b.retired_at IS NULL
        ORDER BY r.score DESC, r.id
        LIMIT @limit
        """;

    private const string PendingSql = """
        SELECT count(*)::int FROM match_review r
        JOIN station a ON a.id = r.station_a JOIN station b ON b.id = r.station_b
        WHERE a.retired_at IS NULL AND b.retired_at IS NULL
        """;

    private const string LockVersionSql = "SELECT version FROM station_data_version FOR UPDATE";

    private const string TakeReviewSql = "DELETE FROM match_review WHERE id = @id RETURNING station_a, station_b, evidence::text";

    private const string StationsExistSql = "SELECT id FROM station WHERE id = ANY(@ids)";

    private const string DecideSql = """
        INSERT INTO match_decision (station_a, station_b, decision, operator, decided_at, evidence)
        VALUES (@a, @b, @decision, @operator, @at, @evidence::jsonb)
        ON CONFLICT (station_a, station_b) DO UPDATE
            SET decision = excluded.decision, operator = excluded.operator, decided_at = excluded.decided_at, evidence = excluded.evidence
        """;

    private const string UnqueuePairSql = "DELETE FROM match_review WHERE station_a = @a AND station_b = @b";

    private static readonly string SourcesSql = $"""
        SELECT p.id, p.source, p.external_id, p.name, p.pin AND p.retired_at IS NULL, p.updated_at, p.retired_at
        FROM station s JOIN station p ON p.place_id = s.place_id
        WHERE s.id = @id
        ORDER BY p.retired_at IS NOT NULL, p.pin DESC, p.source, p.external_id
        LIMIT {MaxSourcesListed}
        """;

    private static readonly JsonSerializerOptions EvidenceJson = new(JsonSerializerDefaults.Web);

    public async Task<PlaceReviewPage> QueueAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSources.Write.OpenConnectionAsync(cancellationToken);
        int pending;
        await using (var count = new NpgsqlCommand(PendingSql, connection))
        {
            pending = (int)(await count.ExecuteScalarAsync(cancellationToken))!;
        }
        var items = new List<PlaceReviewItem>();
        await using var command = new NpgsqlCommand(QueueSql, connection);
        command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new PlaceReviewItem(
                reader.GetInt64(0), reader.GetDouble(1), reader.GetFieldValue<DateTimeOffset>(2),
                JsonSerializer.Deserialize<PlaceEvidence>(reader.GetString(3), EvidenceJson)!,
                ReadRecord(reader, 4), ReadRecord(reader, 17)));
        }
        return new PlaceReviewPage(pending, items);
    }

    /// <summary>Decides a queued pair: remembered in <c>match_decision</c>, and the pair's places matched again at once.</summary>
    public Task<PlaceDecisionOutcome> DecideQueuedAsync(long reviewId, bool link, string operatorName, DateTimeOffset now, CancellationToken cancellationToken) =>
        InTransactionAsync(async (connection, transaction) =>
        {
            long a, b;
            string evidence;
            await using (var take = new NpgsqlCommand(TakeReviewSql, connection, transaction))
            {
                take.Parameters.Add(new NpgsqlParameter<long>("id", reviewId));
                await using var reader = await take.ExecuteReaderAsync(cancellationToken);
                if (!await reader.ReadAsync(cancellationToken))
                {
                    return PlaceDecisionOutcome.NotFound;
                }
                (a, b, evidence) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2));
            }
            await DecideAsync(connection, transaction, a, b, link, operatorName, now, evidence, cancellationToken);
            return new PlaceDecisionOutcome((a, b));
        }, cancellationToken);

    /// <summary>Decides any pair of stations (an automatic link seen on a card, say); NotFound when either is missing.</summary>
    public Task<PlaceDecisionOutcome> DecidePairAsync(long stationA, long stationB, bool link, string operatorName, DateTimeOffset now, CancellationToken cancellationToken) =>
        InTransactionAsync(async (connection, transaction) =>
        {
            var found = new HashSet<long>();
            await using (var exist = new NpgsqlCommand(StationsExistSql, connection, transaction))
            {
                exist.Parameters.Add(new NpgsqlParameter<long[]>("ids", [stationA, stationB]));
                await using var reader = await exist.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    found.Add(reader.GetInt64(0));
                }
            }
            if (!found.Contains(stationA) || !found.Contains(stationB))
            {
                return new PlaceDecisionOutcome(null, found.Contains(stationA) ? stationB : stationA);
            }
            var (a, b) = stationA < stationB ? (stationA, stationB) : (stationB, stationA);
            await using (var unqueue = new NpgsqlCommand(UnqueuePairSql, connection, transaction))
            {
                unqueue.Parameters.Add(new NpgsqlParameter<long>("a", a));
                unqueue.Parameters.Add(new NpgsqlParameter<long>("b", b));
                await unqueue.ExecuteNonQueryAsync(cancellationToken);
            }
            await DecideAsync(connection, transaction, a, b, link, operatorName, now, null, cancellationToken);
            return new PlaceDecisionOutcome((a, b));
        }, cancellationToken);

    /// <summary>The records of the station's place, live pin first; empty when there is no such station.</summary>
    public async Task<IReadOnlyList<PlaceSourceRecord>> SourcesOfAsync(long stationId, CancellationToken cancellationToken)
    {
        await using var command = dataSources.Read.CreateCommand(SourcesSql);
        command.Parameters.Add(new NpgsqlParameter<long>("id", stationId));
        var records = new List<PlaceSourceRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new PlaceSourceRecord(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetBoolean(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6)));
        }
        return records;
    }

    private static async Task DecideAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long a, long b, bool link, string operatorName, DateTimeOffset now, string? evidence,
        CancellationToken cancellationToken)
    {
        await using (var decide = new NpgsqlCommand(DecideSql, connection, transaction))
        {
            decide.Parameters.Add(new NpgsqlParameter<long>("a", a));
            decide.Parameters.Add(new NpgsqlParameter<long>("b", b));
            decide.Parameters.Add(new NpgsqlParameter<string>("decision", link ? "link" : "unlink"));
            decide.Parameters.Add(new NpgsqlParameter<string>("operator", operatorName));
            decide.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", now.ToUniversalTime()));
            decide.Parameters.Add(new NpgsqlParameter("evidence", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)evidence ?? DBNull.Value });
            await decide.ExecuteNonQueryAsync(cancellationToken);
        }
        await PlaceMatching.AfterChangeAsync(connection, transaction, [a, b], cancellationToken);
    }

    private async Task<PlaceDecisionOutcome> InTransactionAsync(
        Func<NpgsqlConnection, NpgsqlTransaction, Task<PlaceDecisionOutcome>> work, CancellationToken cancellationToken)
    {
        await using var connection = await dataSources.Write.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The version row before anything else, as every writer of stations takes it first: a decision (and the
        // matching it causes) queues behind an import instead of deadlocking with it over a queue row.
        await using (var lockVersion = new NpgsqlCommand(LockVersionSql, connection, transaction))
        {
            await lockVersion.ExecuteNonQueryAsync(cancellationToken);
        }
        var outcome = await work(connection, transaction);
        if (outcome.Pair is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return outcome;
    }

    private static PlaceReviewRecord ReadRecord(NpgsqlDataReader reader, int at) => new(
        reader.GetInt64(at), reader.GetString(at + 1), reader.GetString(at + 2), reader.GetString(at + 3), reader.GetString(at + 4),
        reader.IsDBNull(at + 5) ? null : reader.GetString(at + 5), reader.IsDBNull(at + 6) ? null : reader.GetString(at + 6),
        reader.IsDBNull(at + 7) ? null : reader.GetString(at + 7), reader.GetDouble(at + 8), reader.GetDouble(at + 9),
        reader.GetInt64(at + 10), reader.GetBoolean(at + 11), reader.GetBoolean(at + 12));
}
