using Npgsql;
using StationMap.Domain.Planning;
using StationMap.Store.Merging;

namespace StationMap.Store.Planning;

/// <summary>
/// Writes a source's demand points or candidate sites into the store by <see cref="UpsertMerge"/>, inside the caller's
/// transaction. A full import deletes the source's rows missing from the file: nothing refers to them (finished
/// planning runs keep their own snapshot), so unlike stations there is no history to keep.
/// </summary>
public static class PlanningMerge
{
    private static readonly UpsertTable<DemandRecord> Demand = new(
        "demand_point",
        "external_id text NOT NULL, layer text NOT NULL, name text NOT NULL, weight double precision NOT NULL, district text, lon double precision NOT NULL, lat double precision NOT NULL",
        ["layer", "name", "weight", "district"],
        KeepsUpdatedAt: true,
        (writer, r) =>
        {
            writer.Write(r.ExternalId);
            writer.Write(r.Layer);
            writer.Write(r.Name);
            writer.Write(r.Weight);
            writer.WriteOrNull(r.District);
            writer.Write(r.Lon);
            writer.Write(r.Lat);
        });

    private static readonly UpsertTable<CandidateRecord> Candidates = new(
        "candidate_site",
        "external_id text NOT NULL, host_type text NOT NULL, name text NOT NULL, capacity integer, district text, address text, lon double precision NOT NULL, lat double precision NOT NULL",
        ["host_type", "name", "capacity", "district", "address"],
        KeepsUpdatedAt: true,
        (writer, r) =>
        {
            writer.Write(r.ExternalId);
            writer.Write(r.HostType);
            writer.Write(r.Name);
            writer.WriteOrNull(r.Capacity);
            writer.WriteOrNull(r.District);
            writer.WriteOrNull(r.Address);
            writer.Write(r.Lon);
            writer.Write(r.Lat);
        });

    /// <param name="deleteMissing">A full import: demand points of this source absent from the records are deleted.</param>
    public static Task<MergeCounts> MergeDemandAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string source, IEnumerable<DemandRecord> records,
        bool deleteMissing, Action<string, bool>? onChanged, CancellationToken cancellationToken) =>
        UpsertMerge.MergeAsync(
            new StagedMerge(connection, transaction, source), Demand, records, deleteMissing, onChanged, cancellationToken);

    /// <param name="deleteMissing">A full import: candidate sites of this source absent from the records are deleted.</param>
    public static Task<MergeCounts> MergeCandidatesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string source, IEnumerable<CandidateRecord> records,
        bool deleteMissing, Action<string, bool>? onChanged, CancellationToken cancellationToken) =>
        UpsertMerge.MergeAsync(
            new StagedMerge(connection, transaction, source), Candidates, records, deleteMissing, onChanged, cancellationToken);
}
