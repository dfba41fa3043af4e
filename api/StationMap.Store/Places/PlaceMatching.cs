using Npgsql;
using StationMap.Domain.Geo;
using StationMap.Domain.Places;

namespace StationMap.Store.Places;

/// <summary>
/// Keeps places current in the store, inside the caller's transaction: after an import (the stations it wrote), after
/// any other change to stations or to operators' decisions, or over everything (the full pass). Only place_id and pin
/// are written; each source's records stay as imported.
/// </summary>
/// <remarks>
/// An incremental pass decides again exactly the records whose place could change, and the result is the full
/// pass's: starting from the touched records, it adds the live records that share a place with one in scope, and those
/// a match-band pair or an operator's link ties to one in scope, until nothing more is added. A place found by the
/// global assignment is a union along such pairs, so every place holding a record in scope lies wholly in scope, and
/// deciding the scope with the same matcher (over the scope and its neighbours, so the review queue sees them too)
/// gives those places exactly as a pass over every record would.
/// </remarks>
public static class PlaceMatching
{
    /// <summary>
    /// Past this many touched records (or a fifth of the store) one pass over everything is cheaper than following them
    /// one by one: measured at 23,000 records, a full pass took 4 s where following 9,000 touched records took 15 s.
    /// </summary>
    public const int FullPassAbove = 20_000;

    // How far a GCJ-02 reading lies from the WGS-84 one in China (up to ~700 m): neighbours are read this much wider
    // when a source may be shifted, so a record whose shifted reading is near is among them.
    private const double ShiftMarginM = 800;

    // Every writer of stations takes the data version row first (its trigger runs before each statement), so taking it
    // here puts matching in the same queue: no import or decision commits beside a pass that read before it.
    private const string LockSql = "SELECT version FROM station_data_version FOR UPDATE";

    // The planner's estimate of the table's rows (-1 before the first ANALYZE): enough to tell a fifth of the store.
    private const string EstimatedStationsSql = "SELECT reltuples::bigint FROM pg_class WHERE oid = 'station'::regclass";

    private const string TouchedByImportSql = "SELECT id FROM station WHERE source = @source AND updated_at = now()";

    // Nothing to match: no operator's decision, no pair waiting for review (a pass takes those whose record was retired
    // off the queue), fewer than two sources live (the first and the last source by the key's
    // index, each found at one end of it), no hidden record (its own partial index). Each question reads a few index
    // pages: asked as one scan of the table, they took 5.6 s after a million-row first import.
    private const string NothingToMatchSql = """
        SELECT NOT EXISTS (SELECT 1 FROM match_decision) AND NOT EXISTS (SELECT 1 FROM match_review)
           AND (SELECT source FROM station WHERE retired_at IS NULL ORDER BY source LIMIT 1)
               IS NOT DISTINCT FROM (SELECT source FROM station WHERE retired_at IS NULL ORDER BY source DESC LIMIT 1)
           AND NOT EXISTS (SELECT 1 FROM station WHERE NOT pin AND retired_at IS NULL)
        """;

    private const string NewPlacesSql = "SELECT nextval('place_id_seq') FROM generate_series(1, @count)";

    private const string UpdatePlacesSql = """
        UPDATE station s SET place_id = u.place_id, pin = u.pin
        FROM unnest(@ids::bigint[], @places::bigint[], @pins::boolean[]) AS u(id, place_id, pin)
        WHERE s.id = u.id AND (s.place_id, s.pin) IS DISTINCT FROM (u.place_id, u.pin)
        """;

    private const string QueueSql = """
        INSERT INTO match_review (station_a, station_b, score, evidence)
        SELECT a, b, score, evidence::jsonb FROM unnest(@a::bigint[], @b::bigint[], @scores::float8[], @evidence::text[]) AS n(a, b, score, evidence)
        ON CONFLICT (station_a, station_b) DO UPDATE SET score = excluded.score, evidence = excluded.evidence
        """;

    private const string UnqueueSql = """
        DELETE FROM match_review r
        WHERE (r.station_a = ANY(@ids) OR r.station_b = ANY(@ids))
          AND NOT EXISTS (SELECT 1 FROM unnest(@a::bigint[], @b::bigint[]) AS n(a, b) WHERE n.a = r.station_a AND n.b = r.station_b)
        """;

    private const string UnqueueAllSql = """
        DELETE FROM match_review r
        WHERE NOT EXISTS (SELECT 1 FROM unnest(@a::bigint[], @b::bigint[]) AS n(a, b) WHERE n.a = r.station_a AND n.b = r.station_b)
        """;

    /// <summary>Matches the stations this transaction wrote for <paramref name="source"/> (inserted, updated, retired, revived).</summary>
    public static async Task<PlaceMatchSummary> AfterImportAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string source, CancellationToken cancellationToken)
    {
        // A store of one source (its first import above all) has nothing to match: no need to read what was touched.
        await ExecuteAsync(connection, transaction, LockSql, cancellationToken);
        if (await NothingToMatchAsync(connection, transaction, cancellationToken))
        {
            return PlaceMatchSummary.Nothing;
        }
        var touched = new List<long>();
        await using (var command = new NpgsqlCommand(TouchedByImportSql, connection, transaction) { CommandTimeout = 0 })
        {
            command.Parameters.Add(new NpgsqlParameter<string>("source", source));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                touched.Add(reader.GetInt64(0));
            }
        }
        return await AfterChangeAsync(connection, transaction, touched, cancellationToken);
    }

    /// <summary>Matches again what a change to <paramref name="touched"/> (live or retired) can affect.</summary>
    public static async Task<PlaceMatchSummary> AfterChangeAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyCollection<long> touched, CancellationToken cancellationToken)
    {
        if (touched.Count == 0)
        {
            return PlaceMatchSummary.Nothing;
        }
        if (touched.Count > FullPassAbove || touched.Count * 5L > await EstimatedStationsAsync(connection, transaction, cancellationToken))
        {
            return await FullPassAsync(connection, transaction, cancellationToken);
        }
        await ExecuteAsync(connection, transaction, LockSql, cancellationToken);
        var configuration = await PlaceSettingsStore.ReadAsync(connection, transaction, cancellationToken);
        var matcher = new PlaceMatcher(configuration.Match);

        var loaded = new Dictionary<long, StoredPlaceRecord>();
        var scope = new HashSet<long>();
        var decisions = new Dictionary<(long, long), PairDecision>();
        var placesRead = new HashSet<long>();
        var decisionsRead = new HashSet<long>();
        var next = new HashSet<long>(touched);
        foreach (var record in await PlaceRecords.ByIdsAsync(connection, transaction, touched, cancellationToken))
        {
            loaded[record.Record.Id] = record;
        }
        while (next.Count > 0)
        {
            await LoadMissingAsync(connection, transaction, next, loaded, cancellationToken);
            // Whoever shares a place with a record in play is in play: its place may lose that record.
            var places = next.Where(loaded.ContainsKey).Select(id => loaded[id].PlaceId).Where(placesRead.Add).ToList();
            if (places.Count > 0)
            {
                foreach (var mate in await PlaceRecords.InPlacesAsync(connection, transaction, places, cancellationToken))
                {
                    loaded.TryAdd(mate.Record.Id, mate);
                    next.Add(mate.Record.Id);
                }
            }
            var added = next.Where(id => loaded.TryGetValue(id, out var r) && !r.Retired && scope.Add(id)).ToList();
            next.Clear();
            if (added.Count == 0)
            {
                break;
            }
            foreach (var record in await NeighboursAsync(connection, transaction, added.Select(id => loaded[id]).ToList(), configuration.Match, cancellationToken))
            {
                loaded.TryAdd(record.Record.Id, record);
            }
            foreach (var decision in await PlaceRecords.DecisionsAsync(connection, transaction, added.Where(decisionsRead.Add).ToList(), cancellationToken))
            {
                decisions[(decision.StationA, decision.StationB)] = decision;
                if (decision.Link)
                {
                    next.Add(scope.Contains(decision.StationA) ? decision.StationB : decision.StationA);
                }
            }
            // What a match-band pair ties to the scope joins it; the next round reads its places and neighbours.
            var match = matcher.Match(Live(loaded), decisions.Values);
            foreach (var (a, b) in match.MatchEdges)
            {
                if (scope.Contains(a) != scope.Contains(b))
                {
                    next.Add(scope.Contains(a) ? b : a);
                }
            }
            next.ExceptWith(scope);
        }
        if (scope.Count == 0)
        {
            // Only retired records were touched and none shared a place with a live one: their queue items go.
            await UnqueueAsync(connection, transaction, [.. touched], [], cancellationToken);
            return PlaceMatchSummary.Nothing;
        }
        var final = matcher.Match(Live(loaded), decisions.Values);
        return await WriteAsync(connection, transaction, configuration, loaded, scope, [.. scope.Concat(touched).Distinct()], final, fullPass: false, cancellationToken);
    }

    /// <summary>Matches every live record: after changing the settings, or as the <c>places match</c> command.</summary>
    public static async Task<PlaceMatchSummary> FullPassAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, LockSql, cancellationToken);
        if (await NothingToMatchAsync(connection, transaction, cancellationToken))
        {
            return PlaceMatchSummary.Nothing with { FullPass = true };
        }
        var configuration = await PlaceSettingsStore.ReadAsync(connection, transaction, cancellationToken);
        var records = await PlaceRecords.AllLiveAsync(connection, transaction, cancellationToken);
        var loaded = records.ToDictionary(r => r.Record.Id);
        var decisions = await PlaceRecords.DecisionsAsync(connection, transaction, null, cancellationToken);
        var match = new PlaceMatcher(configuration.Match).Match([.. records.Select(r => r.Record)], decisions);
        return await WriteAsync(connection, transaction, configuration, loaded, [.. loaded.Keys], null, match, fullPass: true, cancellationToken);
    }

    private static async Task<bool> NothingToMatchAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var check = new NpgsqlCommand(NothingToMatchSql, connection, transaction) { CommandTimeout = 0 };
        return (bool)(await check.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<long> EstimatedStationsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(EstimatedStationsSql, connection, transaction);
        var estimate = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return estimate > 0 ? estimate : long.MaxValue;
    }

    private static List<PlaceRecord> Live(Dictionary<long, StoredPlaceRecord> loaded) =>
        [.. loaded.Values.Where(r => !r.Retired).Select(r => r.Record)];

    private static async Task LoadMissingAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, HashSet<long> ids, Dictionary<long, StoredPlaceRecord> loaded, CancellationToken cancellationToken)
    {
        var missing = ids.Where(id => !loaded.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            foreach (var record in await PlaceRecords.ByIdsAsync(connection, transaction, missing, cancellationToken))
            {
                loaded[record.Record.Id] = record;
            }
        }
    }

    // The live records within reach of these: their kind's radius around each of their readings, wider by the largest
    // GCJ-02 shift when a source may be shifted (its own records' other reading is far from where they are stored).
    private static async Task<List<StoredPlaceRecord>> NeighboursAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, List<StoredPlaceRecord> records, MatchSettings settings, CancellationToken cancellationToken)
    {
        var margin = settings.MaybeGcj02Sources.Count > 0 ? ShiftMarginM : 0;
        var points = new List<(double, double, double)>();
        foreach (var r in records)
        {
            var radius = settings.RadiusM(r.Record.Kind) + margin;
            points.Add((r.Record.Lat, r.Record.Lon, radius));
            if (settings.MaybeGcj02Sources.Contains(r.Record.Source))
            {
                var unshifted = ChinaCoordinates.Gcj02ToWgs84(new LatLon(r.Record.Lat, r.Record.Lon));
                points.Add((unshifted.Lat, unshifted.Lon, radius));
            }
        }
        return await PlaceRecords.AroundAsync(connection, transaction, points, cancellationToken);
    }

    private static async Task<PlaceMatchSummary> WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, PlaceConfiguration configuration, Dictionary<long, StoredPlaceRecord> loaded,
        HashSet<long> scope, long[]? unqueueIds, PlaceMatch match, bool fullPass, CancellationToken cancellationToken)
    {
        // The places to store: the groups holding a record in scope (wholly in scope), and each other scope record alone.
        var units = match.Groups.Where(g => g.Any(scope.Contains)).Select(g => g.ToList()).ToList();
        if (units.Any(g => !g.All(scope.Contains)))
        {
            throw new InvalidOperationException("a place reaches beyond the records matched again: the scope was not closed");
        }
        var grouped = units.SelectMany(g => g).ToHashSet();
        units.AddRange(scope.Where(id => !grouped.Contains(id)).Select(id => new List<long> { id }));
        // The largest place keeps an id first, then by key: place ids never depend on the order of rows.
        units.Sort((x, y) => x.Count != y.Count ? y.Count.CompareTo(x.Count) : string.CompareOrdinal(KeyOf(loaded[x[0]]), KeyOf(loaded[y[0]])));

        var claimed = new HashSet<long>();
        var placeOf = new long[units.Count];
        var needNew = new List<int>();
        for (var u = 0; u < units.Count; u++)
        {
            // The place most of its records had (ties: the oldest id) that no larger place took.
            var kept = units[u].GroupBy(id => loaded[id].PlaceId).Where(g => !claimed.Contains(g.Key))
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (long?)g.Key).FirstOrDefault();
            if (kept is { } place)
            {
                claimed.Add(place);
                placeOf[u] = place;
            }
            else
            {
                needNew.Add(u);
            }
        }
        if (needNew.Count > 0)
        {
            var fresh = await NewPlacesAsync(connection, transaction, needNew.Count, cancellationToken);
            for (var i = 0; i < needNew.Count; i++)
            {
                placeOf[needNew[i]] = fresh[i];
            }
        }

        var ids = new List<long>();
        var places = new List<long>();
        var pins = new List<bool>();
        for (var u = 0; u < units.Count; u++)
        {
            var members = units[u];
            var pin = members.Count == 1 ? 0 : PlacePins.Best(
                [.. members.Select(id => new PinCandidate(id, loaded[id].Record.Source, loaded[id].Record.ExternalId, loaded[id].UpdatedAt))],
                configuration.Priorities);
            for (var m = 0; m < members.Count; m++)
            {
                var stored = loaded[members[m]];
                if (stored.PlaceId != placeOf[u] || stored.Pin != (m == pin))
                {
                    ids.Add(members[m]);
                    places.Add(placeOf[u]);
                    pins.Add(m == pin);
                }
            }
        }
        if (ids.Count > 0)
        {
            await using var update = new NpgsqlCommand(UpdatePlacesSql, connection, transaction) { CommandTimeout = 0 };
            update.Parameters.Add(new NpgsqlParameter<long[]>("ids", [.. ids]));
            update.Parameters.Add(new NpgsqlParameter<long[]>("places", [.. places]));
            update.Parameters.Add(new NpgsqlParameter<bool[]>("pins", [.. pins]));
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        var review = match.Review.Where(r => scope.Contains(r.StationA) || scope.Contains(r.StationB))
            .Select(r => r.StationA < r.StationB ? r : r with { StationA = r.StationB, StationB = r.StationA })
            .ToList();
        await UnqueueAsync(connection, transaction, unqueueIds, review, cancellationToken);
        if (review.Count > 0)
        {
            await using var queue = new NpgsqlCommand(QueueSql, connection, transaction) { CommandTimeout = 0 };
            queue.Parameters.Add(new NpgsqlParameter<long[]>("a", [.. review.Select(r => r.StationA)]));
            queue.Parameters.Add(new NpgsqlParameter<long[]>("b", [.. review.Select(r => r.StationB)]));
            queue.Parameters.Add(new NpgsqlParameter<double[]>("scores", [.. review.Select(r => r.Evidence.Score)]));
            queue.Parameters.Add(new NpgsqlParameter<string[]>("evidence", [.. review.Select(r => PlaceEvidenceJson.Write(r.Evidence))]));
            await queue.ExecuteNonQueryAsync(cancellationToken);
        }
        return new PlaceMatchSummary(scope.Count, loaded.Values.Count(r => !r.Retired), units.Count(u => u.Count > 1), ids.Count, review.Count, fullPass);
    }

    // Queue items of these records (null: of every record) that the pass no longer puts in review leave the queue.
    private static async Task UnqueueAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, long[]? ids, IReadOnlyList<ReviewPair> keep, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ids is null ? UnqueueAllSql : UnqueueSql, connection, transaction) { CommandTimeout = 0 };
        if (ids is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<long[]>("ids", ids));
        }
        command.Parameters.Add(new NpgsqlParameter<long[]>("a", [.. keep.Select(r => r.StationA)]));
        command.Parameters.Add(new NpgsqlParameter<long[]>("b", [.. keep.Select(r => r.StationB)]));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long[]> NewPlacesAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, int count, CancellationToken cancellationToken)
    {
        var ids = new long[count];
        await using var command = new NpgsqlCommand(NewPlacesSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<int>("count", count));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        for (var i = 0; await reader.ReadAsync(cancellationToken); i++)
        {
            ids[i] = reader.GetInt64(0);
        }
        return ids;
    }

    private static string KeyOf(StoredPlaceRecord record) => record.Record.Source + "\u0001" + record.Record.ExternalId;

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
