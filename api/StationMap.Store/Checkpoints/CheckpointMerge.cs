using Npgsql;
using StationMap.Domain;

namespace StationMap.Store.Checkpoints;

/// <summary>Upserts a source's checkpoints by (source, external_id).</summary>
public static class CheckpointMerge
{
    private const string Upsert = """
        INSERT INTO checkpoint (source, external_id, name, road, district, location)
        VALUES (@source, @external_id, @name, @road, @district, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326))
        ON CONFLICT (source, external_id) DO UPDATE SET
            name = EXCLUDED.name, road = EXCLUDED.road, district = EXCLUDED.district, location = EXCLUDED.location
        """;

    public static async Task MergeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string source, IEnumerable<Checkpoint> checkpoints,
        CancellationToken cancellationToken)
    {
        var batch = new NpgsqlBatch(connection, transaction);
        await using (batch)
        {
            foreach (var c in checkpoints)
            {
                var command = new NpgsqlBatchCommand(Upsert);
                command.Parameters.Add(new NpgsqlParameter<string>("source", source));
                command.Parameters.Add(new NpgsqlParameter<string>("external_id", c.ExternalId));
                command.Parameters.Add(new NpgsqlParameter<string>("name", c.Name));
                command.Parameters.Add(new NpgsqlParameter<string>("road", c.Road));
                command.Parameters.Add(new NpgsqlParameter<string>("district", c.District));
                command.Parameters.Add(new NpgsqlParameter<double>("lon", c.Lon));
                command.Parameters.Add(new NpgsqlParameter<double>("lat", c.Lat));
                batch.BatchCommands.Add(command);
            }
            if (batch.BatchCommands.Count > 0)
            {
                await batch.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }
}
