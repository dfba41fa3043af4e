using Npgsql;
using StationMap.Store.Checkpoints;
using StationMap.Store.Merging;
using StationMap.Store.Places;
using StationMap.Store.Planning;
using StationMap.Store.Stations;

namespace StationMap.DemoData;

/// <summary>Puts the synthetic demo data (stations, checkpoints, planning demand and candidates) into the store: idempotent, one transaction per load.</summary>
public static class DemoLoader
{
    /// <summary>The source name of the Beijing demo stations; real sources never use it.</summary>
    public const string DemoSource = "demo";

    public static async Task<MergeCounts> LoadBeijingAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var counts = await StationMerge.MergeAsync(
            connection, transaction, DemoSource, BeijingDemo.Stations(), retireMissing: true, cancellationToken);
        await PlaceMatching.AfterImportAsync(connection, transaction, DemoSource, cancellationToken);
        await CheckpointMerge.MergeAsync(connection, transaction, DemoSource, BeijingDemo.Checkpoints(), onChanged: null, cancellationToken);
        await PlanningMerge.MergeDemandAsync(
            connection, transaction, DemoSource, BeijingPlanningDemo.Demand(), deleteMissing: true, onChanged: null, cancellationToken);
        await PlanningMerge.MergeCandidatesAsync(
            connection, transaction, DemoSource, BeijingPlanningDemo.CandidateSites(), deleteMissing: true, onChanged: null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return counts;
    }

    public static async Task<MergeCounts> LoadGeneratedAsync(
        NpgsqlDataSource dataSource, string source, int count, int seed, GeneratorRegion region, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var counts = await StationMerge.MergeAsync(
            connection, transaction, source, StationGenerator.Generate(count, seed, region), retireMissing: true, cancellationToken);
        // Not matched: generated benchmark stations beside the demo would only be matched against it by the chance of
        // the generator's repeated names, and tests and benchmarks compare their answers with every live station.
        await transaction.CommitAsync(cancellationToken);
        return counts;
    }
}
