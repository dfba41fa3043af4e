using System.Collections.Concurrent;
using Npgsql;
using StationMap.DemoData;
using StationMap.Store;
using StationMap.Store.Migrations;

namespace StationMap.Integration.Tests.Infrastructure;

/// <summary>
/// The private PostGIS cluster that scripts/test.sh starts (ConnectionStrings__StationMap), and databases on it.
/// A template with the schema and the Beijing demo data is built once per run; each test class clones it
/// (CREATE DATABASE ... TEMPLATE, a fraction of a second), so classes run in parallel without sharing rows.
/// </summary>
public static class TestDatabases
{
    // One template per test assembly: the integration and browser test projects run in parallel and must not drop each other's.
    private static readonly string DemoTemplate =
        "stationmap_template_" + typeof(TestDatabases).Assembly.GetName().Name!.Replace("StationMap.", "").Replace(".", "_").ToLowerInvariant();
    private static readonly SemaphoreSlim CreateLock = new(1, 1);
    private static readonly Lazy<Task> DemoTemplateReady = new(BuildDemoTemplateAsync);
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> FilledTemplates = new();

    public static string ServerConnectionString { get; } =
        Environment.GetEnvironmentVariable("ConnectionStrings__StationMap") is { Length: > 0 } configured
            ? configured
            : StationDatabase.DefaultConnectionString();

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;

    /// <summary>A new database with the schema migrated and the Beijing demo data loaded.</summary>
    public static async Task<string> CreateWithDemoDataAsync(string prefix)
    {
        await DemoTemplateReady.Value;
        return await CreateAsync(prefix, DemoTemplate);
    }

    /// <summary>
    /// A new database with the demo data and what <paramref name="fill"/> adds, which runs once per test run for each
    /// <paramref name="key"/> into a template of its own: the test classes that ask for the same generated stations
    /// clone them instead of generating and loading them each.
    /// </summary>
    public static async Task<string> CreateWithDemoDataAndAsync(string prefix, string key, Func<StationDataSources, Task> fill)
    {
        var template = FilledTemplates.GetOrAdd(key, _ => new(() => BuildFilledTemplateAsync(key, fill)));
        return await CreateAsync(prefix, await template.Value);
    }

    /// <summary>A new database with only PostGIS, no schema (for migration tests).</summary>
    public static Task<string> CreateEmptyAsync(string prefix) => CreateAsync(prefix, "template0");

    public static async Task DropAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    private static async Task<string> CreateAsync(string prefix, string template)
    {
        var name = $"t_{prefix.ToLowerInvariant()}_{Guid.NewGuid():N}";
        await CloneOneAtATimeAsync(name, template);
        return name;
    }

    private static async Task CloneOneAtATimeAsync(string name, string template)
    {
        await CreateLock.WaitAsync();
        try
        {
            await CloneAsync(name, template);
        }
        finally
        {
            CreateLock.Release();
        }
    }

    private static async Task BuildDemoTemplateAsync()
    {
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{DemoTemplate}\" WITH (FORCE)");
        await CloneAsync(DemoTemplate, "template0");
        await using (var dataSource = StationDataSources.Build(ConnectionStringFor(DemoTemplate)))
        {
            await new SchemaMigrator(dataSource).MigrateAsync();
            await DemoLoader.LoadBeijingAsync(dataSource, CancellationToken.None);
        }
        // A template cannot be cloned while anyone is connected to it.
        NpgsqlConnection.ClearAllPools();
    }

    private static async Task<string> BuildFilledTemplateAsync(string key, Func<StationDataSources, Task> fill)
    {
        await DemoTemplateReady.Value;
        var name = $"{DemoTemplate}_{key.ToLowerInvariant()}";
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        await CloneOneAtATimeAsync(name, DemoTemplate);
        await using (var dataSources = new StationDataSources(ConnectionStringFor(name)))
        {
            await fill(dataSources);
        }
        NpgsqlConnection.ClearAllPools();
        return name;
    }

    // The template may be busy for a moment (an autovacuum worker in it, or the other test process cloning template0 at
    // the same instant): PostgreSQL refuses the copy with 55006 after waiting 5 s, and a later try succeeds. Seen as
    // rare failures of whole test classes under load.
    private static async Task CloneAsync(string name, string template)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 5)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt));
            }
        }
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
