using System.Data;
using Npgsql;
using StationMap.Domain;
using StationMap.Domain.Nearest;

namespace StationMap.Store.Stations;

/// <summary>
/// Every live pin (one record per place) at one data version, for the API's in-memory nearest and search index, and the version itself
/// (migration 0007: bumped by every write to <c>station</c>, announced by <c>NOTIFY stations_changed</c>).
/// Changes are heard on the primary (PostgreSQL does not replicate <c>NOTIFY</c>); the stations and their version are
/// read from the read source, a standby when one is configured, so that N processes reloading after an import load
/// the standbys rather than the primary.
/// </summary>
public sealed class StationSnapshots(StationDataSources dataSources)
{
    /// <summary>The channel every committed change to <c>station</c> is announced on, with the new version as payload.</summary>
    public const string ChangeChannel = "stations_changed";

    private const string VersionSql = "SELECT version FROM station_data_version";

    private const string CountSql = "SELECT count(*) FROM station WHERE retired_at IS NULL AND pin";

    // The same stations the nearest SQL ranks (live pins: one record per place, migration 0016), with what its filters
    // test and its answer shows. Everything built on the snapshot (nearest, tiles, bbox, clusters, search) shows one
    // item per place.
    private const string LiveSql = """
        SELECT id, kind, name, address, district, ST_Y(location), ST_X(location), amenities, opening_hours,
               truck_parking_spaces, max_vehicle_length_m, hazmat_allowed, host
        FROM station
        WHERE retired_at IS NULL AND pin
        """;

    /// <summary>
    /// The current data version, read on <paramref name="connection"/> (the listening one, on the primary, which this
    /// also proves alive).
    /// </summary>
    public static async Task<long> VersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(VersionSql, connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>A connection to the primary for <c>LISTEN</c>; the caller owns it.</summary>
    public ValueTask<NpgsqlConnection> OpenListenerAsync(CancellationToken cancellationToken) =>
        dataSources.Write.OpenConnectionAsync(cancellationToken);

    /// <summary>Whether the stations are read from elsewhere than the primary (and may lag it).</summary>
    public bool ReadsReplica => dataSources.SeparateRead;

    /// <summary>The data version the read source holds (a standby's lags the primary's by its replay delay).</summary>
    public async Task<long> ReadVersionAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSources.Background.Read.CreateCommand(VersionSql);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Builds an index of every live station. The version is read in the same snapshot as the rows, so the index is
    /// exactly that version: a change committed meanwhile has a higher version and its notification triggers a reload.
    /// </summary>
    public async Task<StationIndex> LoadIndexAsync(CancellationToken cancellationToken)
    {
        // Without the public statement timeout: a million stations take seconds to read.
        await using var connection = await dataSources.Background.Read.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var version = await ScalarAsync<long>(connection, transaction, VersionSql, cancellationToken);
        var count = await ScalarAsync<long>(connection, transaction, CountSql, cancellationToken);
        var builder = new StationIndexBuilder((int)count);
        await using (var command = new NpgsqlCommand(LiveSql, connection, transaction) { CommandTimeout = 0 })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                StationKinds.TryParse(reader.GetString(1), out var kind);
                builder.Add(new StationIndexRow(
                    reader.GetInt64(0),
                    kind,
                    reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.GetDouble(5),
                    reader.GetDouble(6),
                    Amenities.FromWire(reader.GetFieldValue<string[]>(7)),
                    reader.IsDBNull(8) ? null : reader.GetString(8),
                    reader.IsDBNull(9) ? null : reader.GetInt32(9),
                    reader.IsDBNull(10) ? null : reader.GetDouble(10),
                    reader.GetBoolean(11),
                    reader.IsDBNull(12) ? null : reader.GetString(12)));
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return builder.Build(version);
    }

    private static async Task<T> ScalarAsync<T>(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
