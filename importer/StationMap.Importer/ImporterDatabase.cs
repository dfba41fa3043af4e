using Microsoft.Extensions.Configuration;
using Npgsql;
using StationMap.Store;
using StationMap.Store.Migrations;

namespace StationMap.Importer;

/// <summary>
/// The database the command-line tools use: ConnectionStrings__StationMap, else appsettings.json, else the
/// scripts/pg.sh cluster; migrated before use.
/// </summary>
internal static class ImporterDatabase
{
    /// <summary>The migrated database, or null (the reason printed) when it cannot be reached.</summary>
    public static async Task<NpgsqlDataSource?> OpenAsync(CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var connectionString = StationDatabase.ResolveConnectionString(configuration);
        var dataSource = StationDataSources.Build(
            new NpgsqlConnectionStringBuilder(connectionString)
            {
                ApplicationName = "stationmap-import",
                // A million-row merge runs longer than the default 30 s command timeout.
                CommandTimeout = 0,
            }.ConnectionString);
        try
        {
            await new SchemaMigrator(dataSource).MigrateAsync(cancellationToken);
            return dataSource;
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException)
        {
            await dataSource.DisposeAsync();
            Console.Error.WriteLine($"stationmap-import: cannot reach the database ({Redacted(connectionString)}): {e.Message}");
            return null;
        }
    }

    private static string Redacted(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }
}
