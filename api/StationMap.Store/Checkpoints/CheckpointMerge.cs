using Npgsql;
using StationMap.Domain;
using StationMap.Store.Merging;

namespace StationMap.Store.Checkpoints;

/// <summary>
/// Writes a source's checkpoints into the store by <see cref="UpsertMerge"/>, inside the caller's transaction; an
/// unchanged checkpoint is not written. Nothing is ever deleted or retired: checkpoints have no retired state, and
/// deleting the ones a file lacks would lose them.
/// </summary>
public static class CheckpointMerge
{
    private static readonly UpsertTable<Checkpoint> Checkpoints = new(
        "checkpoint",
        "external_id text NOT NULL, name text NOT NULL, road text, district text, lon double precision NOT NULL, lat double precision NOT NULL",
        ["name", "road", "district"],
        KeepsUpdatedAt: false,
        (writer, c) =>
        {
            writer.Write(c.ExternalId);
            writer.Write(c.Name);
            writer.WriteOrNull(c.Road);
            writer.WriteOrNull(c.District);
            writer.Write(c.Lon);
            writer.Write(c.Lat);
        });

    /// <summary>
    /// Merges <paramref name="checkpoints"/> within <paramref name="transaction"/>, telling <paramref name="onChanged"/>
    /// the external id of every inserted (true) or updated (false) checkpoint.
    /// </summary>
    public static Task<MergeCounts> MergeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string source, IEnumerable<Checkpoint> checkpoints,
        Action<string, bool>? onChanged, CancellationToken cancellationToken) =>
        UpsertMerge.MergeAsync(
            new StagedMerge(connection, transaction, source), Checkpoints, checkpoints, deleteMissing: false, onChanged, cancellationToken);
}
