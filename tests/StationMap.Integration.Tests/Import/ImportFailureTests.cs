using Npgsql;
using StationMap.Import;
using StationMap.Import.Reporting;
using StationMap.DemoData;
using StationMap.Import.Normalising;
using StationMap.Integration.Tests.Infrastructure;
using static StationMap.Integration.Tests.Import.ImportHarness;

namespace StationMap.Integration.Tests.Import;

/// <summary>
/// The importer's backend is killed (pg_terminate_backend from another connection) while it reads the stored keys,
/// copies into staging and merges: the store must be exactly as before and the run recorded as failed, or not at all.
/// </summary>
public sealed class ImportFailureTests(DemoDatabase database) : ImportFolderTests(database)
{
    // A statement can finish between two polls (the stored-key COPY of 20,000 keys takes a few milliseconds), so an
    // import the killer missed is not a failure of what is tested here: the store is put back and the kill tried again.
    private const int Attempts = 8;

    // The station table's validated constraints and the foreign keys that reference it (a bulk load drops and rebuilds the keys).
    private const string Constraints =
        "SELECT count(*) FROM pg_constraint WHERE (conrelid = 'station'::regclass OR confrelid = 'station'::regclass) AND convalidated";

    [Theory]
    [InlineData("COPY (SELECT external_id")]
    [InlineData("COPY station_staging")]
    [InlineData("UPDATE station t SET")]
    [InlineData("INSERT INTO station (")]
    public async Task Killing_the_backend_mid_import_leaves_the_store_unchanged(string statementPrefix)
    {
        var source = NewSource("kill");
        var first = Path.Combine(Folder, "first.csv");
        var second = Path.Combine(Folder, "second.csv");
        // Same ids, different content: the second import updates every row, in full mode.
        DemoFiles.WriteCsv(StationGenerator.Generate(20_000, 1, GeneratorRegion.Jingjinji), first, CoordinateSystem.Wgs84);
        DemoFiles.WriteCsv(StationGenerator.Generate(30_000, 2, GeneratorRegion.Jingjinji), second, CoordinateSystem.Wgs84);
        var options = new ImportOptions { FilePath = first, Source = source, Mode = ImportMode.Full };
        var applicationName = "kill-" + Guid.NewGuid().ToString("N")[..12];
        await using var victim = StationMap.Store.StationDataSources.Build(
            new NpgsqlConnectionStringBuilder(Database.ConnectionString) { ApplicationName = applicationName }.ConnectionString);

        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            // The first file again: after a missed kill the second import has landed and must be undone.
            var initial = await ImportAsync(Database.DataSources.Write, options);
            Assert.True(initial.Status == ImportStatus.Succeeded, initial.Error);
            var before = await StationsHashAsync(Database.DataSources.Write);
            var runsBefore = await CountAsync(Database.DataSources.Write, "SELECT count(*) FROM import_run WHERE source = @s", ("s", source));

            if (await ImportKilledAsync(applicationName, statementPrefix, () => ImportAsync(victim, options with { FilePath = second })) is not { } result)
            {
                continue;
            }

            Assert.Equal(ImportStatus.Failed, result.Status);
            Assert.Equal(3, result.ExitCode);
            Assert.Equal(0, result.Report.Inserted + result.Report.Updated);
            AssertCountsAddUp(result);
            Assert.Equal(before, await StationsHashAsync(Database.DataSources.Write));
            var statuses = await StatusesAsync(source);
            Assert.Equal(runsBefore, statuses.Count(s => s != "failed"));
            Assert.True(statuses.Count <= runsBefore + 1);
            return;
        }
        Assert.Fail($"the importer's backend was never seen running '{statementPrefix}' in {Attempts} imports");
    }

    [Theory]
    [InlineData("COPY station (")]
    [InlineData("ALTER TABLE station ADD CONSTRAINT")]
    [InlineData("CREATE INDEX")]
    public async Task Killing_the_backend_during_a_bulk_load_leaves_the_store_and_its_indexes_unchanged(string statementPrefix)
    {
        var path = Path.Combine(Folder, "bulk.csv");
        DemoFiles.WriteCsv(StationGenerator.Generate(30_000, 3, GeneratorRegion.Jingjinji), path, CoordinateSystem.Wgs84);
        var applicationName = "kill-" + Guid.NewGuid().ToString("N")[..12];
        await using var victim = StationMap.Store.StationDataSources.Build(
            new NpgsqlConnectionStringBuilder(Database.ConnectionString) { ApplicationName = applicationName }.ConnectionString);

        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            // A new source each time: after a missed kill the bulk load has landed, and only a first import is bulk.
            var source = NewSource("bulk-kill");
            var before = await StationsHashAsync(Database.DataSources.Write);
            var indexesBefore = await CountAsync(Database.DataSources.Write,
                "SELECT count(*) FROM pg_index WHERE indrelid = 'station'::regclass AND indisvalid");
            var constraintsBefore = await CountAsync(Database.DataSources.Write, Constraints);

            // Report files prepared: once the COPY is done their items are rendered ahead, and a later failure must
            // drop that rendering with the changes it lists.
            var bulk = new ImportOptions { FilePath = path, Source = source, BulkLoadMaxStations = int.MaxValue, PrepareReportFiles = true };
            if (await ImportKilledAsync(applicationName, statementPrefix, () => ImportAsync(victim, bulk)) is not { } result)
            {
                continue;
            }

            Assert.Equal(ImportStatus.Failed, result.Status);
            Assert.Equal(before, await StationsHashAsync(Database.DataSources.Write));
            Assert.Equal(indexesBefore, await CountAsync(Database.DataSources.Write,
                "SELECT count(*) FROM pg_index WHERE indrelid = 'station'::regclass AND indisvalid"));
            Assert.Equal(constraintsBefore, await CountAsync(Database.DataSources.Write, Constraints));
            var csv = Path.Combine(Folder, source + ".report.csv");
            ReportFiles.Write(result, new ImportRunInfo(source, "bulk.csv", "csv", "wgs84", "incremental"), csv, Path.ChangeExtension(csv, ".json"));
            Assert.DoesNotContain(File.ReadLines(csv), line => line.StartsWith("inserted,", StringComparison.Ordinal));
            Assert.Equal(0, result.Report.Inserted);
            return;
        }
        Assert.Fail($"the importer's backend was never seen running '{statementPrefix}' in {Attempts} bulk loads");
    }

    /// <summary>
    /// Runs <paramref name="import"/> while the killer watches for <paramref name="statementPrefix"/>: the import's result
    /// when its backend was killed, or null when the statement finished unseen (the import must then have succeeded).
    /// </summary>
    private async Task<ImportResult?> ImportKilledAsync(string applicationName, string statementPrefix, Func<Task<ImportResult>> import)
    {
        using var stop = new CancellationTokenSource();
        var killer = KillWhenRunningAsync(applicationName, statementPrefix, stop.Token);
        var result = await import();
        await stop.CancelAsync();
        if (await killer)
        {
            return result;
        }
        Assert.True(result.Status == ImportStatus.Succeeded, result.Error);
        return null;
    }

    /// <summary>
    /// Polls pg_stat_activity from its own connection and terminates the backend once it runs the statement. It polls
    /// synchronously on a thread of its own: on a loaded 2-core machine the thread pool, busy with the other test
    /// classes, delayed an async poll past the whole of a short staging COPY (seen once in CI).
    /// </summary>
    private Task<bool> KillWhenRunningAsync(string applicationName, string statementPrefix, CancellationToken stop) =>
        Task.Factory.StartNew(() =>
        {
            using var connection = new NpgsqlConnection(Database.ConnectionString + ";Pooling=false");
            connection.Open();
            using var command = new NpgsqlCommand("""
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE application_name = @app AND state = 'active' AND left(ltrim(query), length(@prefix)) = @prefix
                """, connection);
            command.Parameters.AddWithValue("app", applicationName);
            command.Parameters.AddWithValue("prefix", statementPrefix);
            command.Prepare();
            while (!stop.IsCancellationRequested)
            {
                if (command.ExecuteScalar() is true)
                {
                    return true;
                }
                Thread.Sleep(1);
            }
            return false;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private async Task<List<string>> StatusesAsync(string source)
    {
        await using var command = Database.DataSources.Write.CreateCommand("SELECT status FROM import_run WHERE source = @s");
        command.Parameters.AddWithValue("s", source);
        await using var reader = await command.ExecuteReaderAsync();
        var statuses = new List<string>();
        while (await reader.ReadAsync())
        {
            statuses.Add(reader.GetString(0));
        }
        return statuses;
    }
}
