using Npgsql;
using StationMap.Domain.Checkins;

namespace StationMap.Store.Checkins;

/// <summary>Reads <c>station_status</c>: every status still on, for a process starting, or some stations' after NOTIFYs.</summary>
public sealed class StatusQueries(StationDataSources dataSources)
{
    private const string ActiveSql = $"""
        SELECT {StatusColumns.Select} FROM station_status ss
        WHERE greatest(ss.confirmed_until, ss.closed_until, ss.crowded_until,
                       (SELECT max(value::text::timestamptz) FROM jsonb_each(ss.missing_amenities))) > @now
        """;

    private const string SomeSql = $"SELECT {StatusColumns.Select} FROM station_status ss WHERE ss.station_id = ANY(@station_ids)";

    /// <summary>Every station whose status has something on at <paramref name="now"/>.</summary>
    public async Task<Dictionary<long, StationStatus>> ActiveAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // From the primary: the NOTIFYs that follow come from there too, and a standby may lag behind them.
        await using var command = dataSources.Write.CreateCommand(ActiveSql);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now.ToUniversalTime()));
        var all = new Dictionary<long, StationStatus>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (id, status) = StatusColumns.Read(reader);
            all[id] = status;
        }
        return all;
    }

    /// <summary>
    /// The statuses of these stations, on a connection of the caller's (a <see cref="KeptConnection"/> for reading
    /// after NOTIFYs); a station without a status row has <see cref="StationStatus.None"/>.
    /// </summary>
    public static async Task<Dictionary<long, StationStatus>> OfStationsAsync(
        NpgsqlConnection connection, IReadOnlyCollection<long> stationIds, CancellationToken cancellationToken)
    {
        var statuses = stationIds.ToDictionary(id => id, _ => StationStatus.None);
        await using var command = new NpgsqlCommand(SomeSql, connection);
        command.Parameters.Add(new NpgsqlParameter<long[]>("station_ids", [.. stationIds]));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (id, status) = StatusColumns.Read(reader);
            statuses[id] = status;
        }
        return statuses;
    }

    /// <summary>
    /// Opens a connection on the primary: to LISTEN on <see cref="CheckinStore.StatusChannel"/> (where NOTIFY is sent),
    /// or to read the stations notified (a standby may not have replayed them yet).
    /// </summary>
    public ValueTask<NpgsqlConnection> OpenPrimaryAsync(CancellationToken cancellationToken) => dataSources.Write.OpenConnectionAsync(cancellationToken);
}
