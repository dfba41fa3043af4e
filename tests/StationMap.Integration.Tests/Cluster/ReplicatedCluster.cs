using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using StationMap.Integration.Tests.Infrastructure;
using StationMap.Store;

namespace StationMap.Integration.Tests.Cluster;

/// <summary>
/// What scripts/cluster.sh starts, for one test: a PostgreSQL primary with a streaming standby and two real API
/// processes (API 1 runs a Hangfire server, API 2 by default not), with the demo data, in a folder of the test's own;
/// stopped and removed afterwards. Ports: STATIONMAP_CLUSTER_TEST_PG_PORT and STATIONMAP_CLUSTER_TEST_API_PORT (two
/// each from there) when set, else free ones.
/// </summary>
public sealed class ReplicatedCluster : IAsyncDisposable
{
    private readonly string _dataRoot = Path.Combine(Path.GetTempPath(), $"stationmap-replicas-{Guid.NewGuid():N}");
    private readonly Dictionary<string, string> _environment;

    private ReplicatedCluster(Dictionary<string, string> environment) => _environment = environment;

    public string WriteConnectionString { get; private set; } = "";

    public string ReadConnectionString { get; private set; } = "";

    /// <summary>The write side as the API has it (Target Session Attributes=primary over both nodes).</summary>
    public StationDataSources DataSources { get; private set; } = null!;

    public string OperatorKey { get; private set; } = "";

    public int PgPort { get; }

    private HttpClient[] _apis = [];

    /// <summary>API process 1 or 2.</summary>
    public HttpClient Api(int number) => _apis[number - 1];

    public static IReadOnlyList<int> ApiNumbers { get; } = [1, 2];

    /// <summary>
    /// Starts the cluster; <paramref name="environment"/> reaches cluster.sh and both API processes (e.g.
    /// <c>Refresh__Sources__0__Name</c>, <c>STATIONMAP_CLUSTER_API2_HANGFIRE</c>).
    /// </summary>
    public static async Task<ReplicatedCluster> StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var pgPort = PortFrom("STATIONMAP_CLUSTER_TEST_PG_PORT");
        var apiPort = PortFrom("STATIONMAP_CLUSTER_TEST_API_PORT");
        var settings = new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
        {
            ["STATIONMAP_CLUSTER_PG_PORT"] = pgPort.ToString(CultureInfo.InvariantCulture),
            ["STATIONMAP_CLUSTER_API_PORT"] = apiPort.ToString(CultureInfo.InvariantCulture),
            ["STATIONMAP_PG_FSYNC"] = "off",
        };
        // The tests' own load comes from loopback and must not meet the per-address limits; the rest is as deployed.
        var args = "--RateLimits:ExemptLoopback=true --Checkins:LimitsEnabled=false --Logging:LogLevel:Microsoft.AspNetCore=Warning";
        settings["STATIONMAP_CLUSTER_API_ARGS"] = settings.TryGetValue("STATIONMAP_CLUSTER_API_ARGS", out var more) ? $"{args} {more}" : args;
        var cluster = new ReplicatedCluster(settings);
        settings["STATIONMAP_CLUSTER_DATA"] = cluster._dataRoot;
        try
        {
            await cluster.RunAsync("start");
            cluster.WriteConnectionString = (await cluster.RunAsync("write-url")).Trim();
            cluster.ReadConnectionString = (await cluster.RunAsync("read-url")).Trim();
            cluster.DataSources = new StationDataSources(cluster.WriteConnectionString);
            cluster.OperatorKey = (await File.ReadAllTextAsync(Path.Combine(cluster._dataRoot, "operator-key"))).Trim();
            cluster._apis = [.. ApiNumbers.Select(n => new HttpClient
            {
                BaseAddress = new Uri($"http://127.0.0.1:{apiPort + n - 1}"),
                Timeout = TimeSpan.FromSeconds(30),
            })];
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
        return cluster;
    }

    /// <summary>Stops the primary with a fast shutdown (every session cut, as in a crash); the standby keeps running.</summary>
    public Task StopPrimaryAsync() => RunAsync("stop-primary");

    /// <summary>Promotes the standby (pg_promote(), which returns once it accepts writes).</summary>
    public Task PromoteAsync() => RunAsync("promote");

    /// <summary>A connection string to one node by role, through the same multi-host list (Target Session Attributes).</summary>
    public string ConnectionStringTo(string targetSessionAttributes) =>
        new NpgsqlConnectionStringBuilder(ReadConnectionString)
        {
            TargetSessionAttributes = targetSessionAttributes, LoadBalanceHosts = false, Pooling = false,
        }.ConnectionString;

    /// <summary>The pid of API process 1 or 2 (Hangfire's server ids carry it).</summary>
    public int ApiPid(int number) =>
        int.Parse(File.ReadAllText(Path.Combine(_dataRoot, $"api-{number}.pid")).Trim(), CultureInfo.InvariantCulture);

    /// <summary>The last lines of an API process's log, for failure messages.</summary>
    public string LogTail(int number, int lines = 60)
    {
        var path = Path.Combine(_dataRoot, $"api-{number}.log");
        return File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(lines)) : "(no log)";
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var api in _apis)
        {
            api.Dispose();
        }
        if (DataSources is not null)
        {
            await DataSources.DisposeAsync();
        }
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsync("stop");
        }
        finally
        {
            if (Directory.Exists(_dataRoot))
            {
                Directory.Delete(_dataRoot, recursive: true);
            }
        }
    }

    private async Task<string> RunAsync(string command)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(PrivateCluster.RepositoryRoot, "scripts", "cluster.sh"), command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"cluster.sh {command} failed ({process.ExitCode}): {await errors}\n{await output}");
        }
        return await output;
    }

    // Two consecutive ports (cluster.sh takes port and port + 1).
    private static int PortFrom(string variable)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } configured)
        {
            return int.Parse(configured, CultureInfo.InvariantCulture);
        }
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var first = new TcpListener(IPAddress.Loopback, 0);
            first.Start();
            var port = ((IPEndPoint)first.LocalEndpoint).Port;
            try
            {
                using var second = new TcpListener(IPAddress.Loopback, port + 1);
                second.Start();
                return port;
            }
            catch (SocketException)
            {
            }
        }
        throw new InvalidOperationException("no two consecutive free ports");
    }
}

/// <summary>Tests that run a replicated cluster of real processes: one at a time, after the parallel tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReplicatedClusters
{
    public const string Name = "Replicated clusters";
}
