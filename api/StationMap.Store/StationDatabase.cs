using Microsoft.Extensions.Configuration;

namespace StationMap.Store;

/// <summary>
/// How every tool of ours (API, importer, benchmarks) finds the database: <c>ConnectionStrings:StationMap</c>
/// (env <c>ConnectionStrings__StationMap</c>), else the private cluster that <c>scripts/pg.sh</c> runs.
/// </summary>
public static class StationDatabase
{
    public const string ConnectionStringName = "StationMap";

    /// <summary>Optional read-only connection string (e.g. several hosts with <c>Target Session Attributes=prefer-standby</c>).</summary>
    public const string ReadConnectionStringName = "StationMapRead";

    public static string DefaultConnectionString(string? port = null)
    {
        port ??= Environment.GetEnvironmentVariable("STATIONMAP_PG_PORT");
        if (string.IsNullOrWhiteSpace(port))
        {
            port = "55432";
        }
        return $"Host=127.0.0.1;Port={port};Database=stationmap;Username=postgres";
    }

    public static string ResolveConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } configured
            ? configured
            : DefaultConnectionString();

    public static string ResolveReadConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ReadConnectionStringName) is { Length: > 0 } configured
            ? configured
            : ResolveConnectionString(configuration);
}
