using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using StationMap.DemoData;
using StationMap.Store;
using StationMap.Store.Migrations;

namespace StationMap.Integration.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of the test's own, on a free port, that the test may stop and start under a running API
/// (the shared cluster of the run cannot be stopped). Made by scripts/pg.sh, the same way as the shared one, with
/// the schema and the Beijing demo data; removed afterwards.
/// </summary>
public sealed class PrivateCluster : IAsyncLifetime
{
    private readonly string _dataRoot = Path.Combine(Path.GetTempPath(), $"stationmap-cluster-{Guid.NewGuid():N}");
    private readonly int _port = FreePort();

    public string ConnectionString { get; private set; } = "";

    public StationDataSources DataSources { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = (await RunPgAsync("start")).Trim();
        DataSources = new StationDataSources(ConnectionString);
        await new SchemaMigrator(DataSources.Write).MigrateAsync();
        await DemoLoader.LoadBeijingAsync(DataSources.Write, CancellationToken.None);
    }

    /// <summary>Stops the server (fast shutdown: every session is terminated, as in a crash or a restart).</summary>
    public Task StopAsync() => RunPgAsync("stop");

    public async Task StartAsync()
    {
        await RunPgAsync("start");
        // The test's own pooled connections died with the server.
        DataSources.Write.Clear();
    }

    public async Task DisposeAsync()
    {
        await DataSources.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await RunPgAsync("stop");
        Directory.Delete(_dataRoot, recursive: true);
    }

    private async Task<string> RunPgAsync(string command)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot, "scripts", "pg.sh"), command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["STATIONMAP_DATA"] = _dataRoot;
        start.Environment["STATIONMAP_PG_PORT"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["STATIONMAP_PG_FSYNC"] = "off";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg.sh {command} failed ({process.ExitCode}): {await errors}");
        }
        return await output;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StationMap.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("StationMap.sln not found above " + AppContext.BaseDirectory);
    }
}
