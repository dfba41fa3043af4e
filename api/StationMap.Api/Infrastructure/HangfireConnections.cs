using Hangfire.PostgreSql;
using Npgsql;

namespace StationMap.Api.Infrastructure;

/// <summary>Hangfire's connections, from a pool of their own so job polling never starves API queries.</summary>
internal sealed class HangfireConnections(string connectionString) : IConnectionFactory, IDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(
        new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "stationmap-hangfire" }.ConnectionString);

    public NpgsqlConnection GetOrCreateConnection() => _dataSource.CreateConnection();

    public void Dispose() => _dataSource.Dispose();
}
