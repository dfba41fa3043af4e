using Npgsql;

namespace StationMap.Store.Checkins;

/// <summary>
/// Folds the check-ins of days before the cutoff into <c>visit_daily</c> (one visit per device, station and day, as
/// the live count reads them) and deletes them, in one transaction: a day is counted either from its rows or from
/// its fold, never both. What is left of a folded day is a number per station, nothing about any device.
/// </summary>
public sealed class CheckinRetention(StationDataSources dataSources)
{
    private const string FoldSql = """
        INSERT INTO visit_daily (station_id, day, visits)
        SELECT station_id, day, count(DISTINCT device_key)::int
        FROM checkin
        WHERE day < @cutoff AND kind = 'visited' AND weight = 1
        GROUP BY station_id, day
        ON CONFLICT (station_id, day) DO UPDATE SET visits = visit_daily.visits + EXCLUDED.visits
        """;

    private const string DeleteSql = "DELETE FROM checkin WHERE day < @cutoff";

    /// <summary>Folds and deletes every check-in of a day before <paramref name="cutoff"/> (China Standard Time days).</summary>
    /// <returns>The station-days folded and the check-ins deleted.</returns>
    public async Task<(int Folded, int Deleted)> FoldBeforeAsync(DateOnly cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await dataSources.Write.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var folded = await ExecuteAsync(connection, transaction, FoldSql, cutoff, cancellationToken);
        var deleted = await ExecuteAsync(connection, transaction, DeleteSql, cutoff, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (folded, deleted);
    }

    private static async Task<int> ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, DateOnly cutoff, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<DateOnly>("cutoff", cutoff));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
