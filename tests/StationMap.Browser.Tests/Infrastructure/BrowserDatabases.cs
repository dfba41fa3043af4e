using Npgsql;
using StationMap.Import.Demo;
using StationMap.Store;
using StationMap.Store.Migrations;

namespace StationMap.Browser.Tests.Infrastructure;

/// <summary>
/// Databases on the private PostGIS cluster that scripts/test.sh starts (ConnectionStrings__StationMap), as the
/// integration tests make them: a template with the schema and the Beijing demo data, built once per run, cloned per
/// test class. The template has its own name, because dotnet test runs this project beside the integration tests and
/// each rebuilds its template at start.
/// </summary>
public static class BrowserDatabases
{
    private const string DemoTemplate = "stationmap_browser_template";
    private static readonly Lazy<Task> DemoTemplateReady = new(BuildDemoTemplateAsync);

    private static string ServerConnectionString { get; } =
        Environment.GetEnvironmentVariable("ConnectionStrings__StationMap") is { Length: > 0 } configured
            ? configured
            : StationDatabase.DefaultConnectionString();

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;

    /// <summary>A new database with the schema migrated and the Beijing demo data loaded.</summary>
    public static async Task<string> CreateWithDemoDataAsync()
    {
        await DemoTemplateReady.Value;
        var name = $"t_browser_{Guid.NewGuid():N}";
        await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{DemoTemplate}\"");
        return name;
    }

    public static async Task DropAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    private static async Task BuildDemoTemplateAsync()
    {
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{DemoTemplate}\" WITH (FORCE)");
        await ExecuteOnServerAsync($"CREATE DATABASE \"{DemoTemplate}\" TEMPLATE template0");
        await using (var dataSource = StationDataSources.Build(ConnectionStringFor(DemoTemplate)))
        {
            await new SchemaMigrator(dataSource).MigrateAsync();
            await DemoLoader.LoadBeijingAsync(dataSource, CancellationToken.None);
        }
        // A template cannot be cloned while anyone is connected to it.
        NpgsqlConnection.ClearAllPools();
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
