using Npgsql;
using StationMap.Domain;

namespace StationMap.Store.Checkpoints;

/// <summary>Every read of checkpoints the API makes; all SQL for the checkpoints feature lives here.</summary>
public sealed class CheckpointQueries(StationDataSources dataSources)
{
    private const string Columns = "c.id, c.source, c.external_id, c.name, c.road, c.district, ST_Y(c.location), ST_X(c.location)";

    // A district has a handful of checkpoints, a province a few hundred: the list is never paged.
    private const string AllSql = $"SELECT {Columns} FROM checkpoint c ORDER BY c.id";

    private const string ByIdSql = $"SELECT {Columns} FROM checkpoint c WHERE c.id = @id";

    /// <summary>Every checkpoint, by id.</summary>
    public async Task<IReadOnlyList<StoredCheckpoint>> AllAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSources.Read.CreateCommand(AllSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var all = new List<StoredCheckpoint>();
        while (await reader.ReadAsync(cancellationToken))
        {
            all.Add(Read(reader));
        }
        return all;
    }

    /// <summary>The checkpoint with this id; null when there is none.</summary>
    public async Task<StoredCheckpoint?> ByIdAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = dataSources.Read.CreateCommand(ByIdSql);
        command.Parameters.Add(new NpgsqlParameter<long>("id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static StoredCheckpoint Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        new Checkpoint(
            reader.GetString(2),
            reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5),
            reader.GetDouble(6),
            reader.GetDouble(7)));
}
