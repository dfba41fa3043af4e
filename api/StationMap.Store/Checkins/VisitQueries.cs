using Npgsql;
using NpgsqlTypes;
using StationMap.Domain;
using StationMap.Domain.Hours;

namespace StationMap.Store.Checkins;

/// <summary>
/// Every read of visit counts; all SQL that decides what a visit is lives here. A visit is one distinct device per
/// station per China day among the <c>visited</c> check-ins that weigh (<c>weight = 1</c>), plus the days the
/// retention job has folded into <c>visit_daily</c>. A day is in one place or the other, never both (the job folds and
/// deletes in one transaction), so the two are added.
/// </summary>
public sealed class VisitQueries(StationDataSources dataSources)
{
    // The day is fixed by the writer at insert; created_at is bounded too only so that a station's (station_id,
    // created_at) index narrows the scan, with a day's slack either side so that a writer whose clock stood at the
    // edge of a day cannot hide a row.
    private static string VisitsPerDay(string stations) => $"""
        SELECT c.station_id, c.day, count(DISTINCT c.device_key)::int AS visits
        FROM checkin c
        WHERE c.kind = 'visited' AND c.weight = 1
          AND c.day BETWEEN @from AND @to
          AND c.created_at >= @from_at - interval '1 day' AND c.created_at < @to_at + interval '1 day'
          AND {stations.Replace("{station}", "c.station_id", StringComparison.Ordinal)}
        GROUP BY c.station_id, c.day
        UNION ALL
        SELECT v.station_id, v.day, v.visits
        FROM visit_daily v
        WHERE v.day BETWEEN @from AND @to
          AND {stations.Replace("{station}", "v.station_id", StringComparison.Ordinal)}
        """;

    // Every day of the range, zero where nobody came; no row at all when the station does not exist.
    private static readonly string StationDaysSql = $"""
        WITH counted AS ({VisitsPerDay("{station} = @id")})
        SELECT @from + n, coalesce(sum(c.visits), 0)::int
        FROM station s
        CROSS JOIN generate_series(0, @to - @from) AS n
        LEFT JOIN counted c ON c.day = @from + n
        WHERE s.id = @id
        GROUP BY n
        ORDER BY n
        """;

    // The stations a report lists: those of the district (or all) that were in service during some of the range.
    private const string InService = """
        (@district::text IS NULL OR s.district = @district)
        AND (s.retired_at IS NULL OR s.retired_at >= @from_at)
        """;

    // Counted no further than @max_stations + 1: knowing a report is too big costs no more than the cap.
    private const string ReportSizeSql = $"""
        SELECT count(*)::int FROM (SELECT 1 FROM station s WHERE {InService} LIMIT @max_stations + 1) AS listed
        """;

    // A row per station and day with visits (a day in both places would come twice: the reader adds them), and one
    // row with a NULL day for a station nobody visited. Summing here instead cost the whole-cap report a second
    // aggregate and sort over its rows (about a third of its time).
    private static readonly string ReportSql = $"""
        WITH listed AS (SELECT s.id, s.name, s.district, s.kind FROM station s WHERE {InService}),
        counted AS ({VisitsPerDay("{station} IN (SELECT id FROM listed)")})
        SELECT l.id, l.name, l.district, l.kind, c.day, c.visits
        FROM listed l
        LEFT JOIN counted c ON c.station_id = l.id
        ORDER BY l.district NULLS LAST, l.id, c.day
        """;

    // Npgsql's default is 30 s; the largest report took 20 s of it on a loaded 2-core machine.
    private const int ReportTimeoutSeconds = 120;

    /// <summary>Visits per day from <paramref name="from"/> to <paramref name="to"/> (both included); null when the station does not exist.</summary>
    public async Task<IReadOnlyList<DailyVisits>?> StationDaysAsync(long stationId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var command = dataSources.Read.CreateCommand(StationDaysSql);
        command.Parameters.Add(new NpgsqlParameter<long>("id", stationId));
        AddRange(command, from, to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var days = new List<DailyVisits>(to.DayNumber - from.DayNumber + 1);
        while (await reader.ReadAsync(cancellationToken))
        {
            days.Add(new DailyVisits(reader.GetFieldValue<DateOnly>(0), reader.GetInt32(1)));
        }
        return days.Count == 0 ? null : days;
    }

    /// <summary>How many stations a report of the range would list, counted up to <paramref name="maxStations"/> + 1.</summary>
    public async Task<int> ReportSizeAsync(string? district, DateOnly from, DateOnly to, int maxStations, CancellationToken cancellationToken)
    {
        await using var command = dataSources.Read.CreateCommand(ReportSizeSql);
        AddReportParameters(command, district, from, to);
        command.Parameters.Add(new NpgsqlParameter<int>("max_stations", maxStations));
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Each listed station (by district, then id) with its visits per day of the range; a day nobody came is left out,
    /// and a day may come twice (its parts add up).
    /// </summary>
    /// <remarks>
    /// Read without the public statement timeout: an operator's report of the most stations allowed over a busy month
    /// takes seconds (README, "Visits and reports"), and a monthly report that always timed out would be no report.
    /// </remarks>
    public async Task<IReadOnlyList<StationVisits>> ReportAsync(string? district, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var command = dataSources.Background.Read.CreateCommand(ReportSql);
        command.CommandTimeout = ReportTimeoutSeconds;
        AddReportParameters(command, district, from, to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var stations = new List<StationVisits>();
        StationVisits? current = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetInt64(0);
            if (current?.Id != id)
            {
                StationKinds.TryParse(reader.GetString(3), out var kind);
                current = new StationVisits(id, reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), kind, []);
                stations.Add(current);
            }
            if (!reader.IsDBNull(4))
            {
                current.Days.Add(new DailyVisits(reader.GetFieldValue<DateOnly>(4), reader.GetInt32(5)));
            }
        }
        return stations;
    }

    private static void AddReportParameters(NpgsqlCommand command, string? district, DateOnly from, DateOnly to)
    {
        command.Parameters.Add(new NpgsqlParameter("district", NpgsqlDbType.Text) { Value = (object?)district ?? DBNull.Value });
        AddRange(command, from, to);
    }

    private static void AddRange(NpgsqlCommand command, DateOnly from, DateOnly to)
    {
        command.Parameters.Add(new NpgsqlParameter<DateOnly>("from", from));
        command.Parameters.Add(new NpgsqlParameter<DateOnly>("to", to));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("from_at", ChinaStandardTime.StartOf(from).ToUniversalTime()));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("to_at", ChinaStandardTime.StartOf(to.AddDays(1)).ToUniversalTime()));
    }
}

/// <summary>How many visits a station had on one China day.</summary>
public sealed record DailyVisits(DateOnly Day, int Visits);

/// <summary>A station as a report lists it, with its days that had visits.</summary>
public sealed record StationVisits(long Id, string Name, string? District, StationKind Kind, List<DailyVisits> Days);
