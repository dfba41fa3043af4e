using Npgsql;
using NpgsqlTypes;
using StationMap.Domain;

namespace StationMap.Store.Checkpoints;

/// <summary>Upserts a source's checkpoints by (source, external_id); an unchanged checkpoint is not written.</summary>
public static class CheckpointMerge
{
    // xmax = 0 on a RETURNING row means it was inserted; an unchanged row returns nothing.
    private const string Upsert = """
        INSERT INTO checkpoint AS t (source, external_id, name, road, district, location)
        VALUES (@source, @external_id, @name, @road, @district, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326))
        ON CONFLICT (source, external_id) DO UPDATE SET
            name = EXCLUDED.name, road = EXCLUDED.road, district = EXCLUDED.district, location = EXCLUDED.location
        WHERE (t.name, t.road, t.district, ST_X(t.location), ST_Y(t.location))
              IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.road, EXCLUDED.district, ST_X(EXCLUDED.location), ST_Y(EXCLUDED.location))
        RETURNING t.external_id, (xmax = 0) AS inserted
        """;

    /// <summary>Merges <paramref name="checkpoints"/> within <paramref name="transaction"/>; returns what it inserted or changed.</summary>
    public static async Task<IReadOnlyList<(string ExternalId, bool Inserted)>> MergeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string source, IEnumerable<Checkpoint> checkpoints,
        CancellationToken cancellationToken)
    {
        var changes = new List<(string, bool)>();
        var batch = new NpgsqlBatch(connection, transaction);
        await using (batch)
        {
            foreach (var c in checkpoints)
            {
                var command = new NpgsqlBatchCommand(Upsert);
                command.Parameters.Add(new NpgsqlParameter<string>("source", source));
                command.Parameters.Add(new NpgsqlParameter<string>("external_id", c.ExternalId));
                command.Parameters.Add(new NpgsqlParameter<string>("name", c.Name));
                command.Parameters.Add(new NpgsqlParameter("road", NpgsqlDbType.Text) { Value = (object?)c.Road ?? DBNull.Value });
                command.Parameters.Add(new NpgsqlParameter("district", NpgsqlDbType.Text) { Value = (object?)c.District ?? DBNull.Value });
                command.Parameters.Add(new NpgsqlParameter<double>("lon", c.Lon));
                command.Parameters.Add(new NpgsqlParameter<double>("lat", c.Lat));
                batch.BatchCommands.Add(command);
            }
            if (batch.BatchCommands.Count == 0)
            {
                return changes;
            }
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            do
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    changes.Add((reader.GetString(0), reader.GetBoolean(1)));
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
        }
        return changes;
    }
}
