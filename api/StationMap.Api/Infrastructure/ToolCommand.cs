using System.Globalization;
using StationMap.DemoData;
using StationMap.Import.Normalising;
using StationMap.Store;
using StationMap.Store.Migrations;
using StationMap.Store.Operators;

namespace StationMap.Api.Infrastructure;

/// <summary>
/// Operator commands run through the API's own host (same configuration and database resolution):
/// <c>migrate</c>, <c>seed-demo</c>, <c>load-generated --count N [--region beijing|jingjinji] [--source NAME] [--seed S]</c>,
/// <c>create-operator-key NAME [--role operator|planner]</c>, <c>write-demo-feed PATH [--count N]</c>.
/// </summary>
public sealed class ToolCommand
{
    private static readonly string[] Names = ["migrate", "seed-demo", "load-generated", "create-operator-key", "write-demo-feed"];

    private ToolCommand(string name, Dictionary<string, string> options, string[] hostArgs, string? argument)
    {
        Name = name;
        Argument = argument;
        Options = options;
        HostArgs = hostArgs;
    }

    public string Name { get; }

    /// <summary>The positional argument after the command, e.g. the key holder's name.</summary>
    public string? Argument { get; }

    public IReadOnlyDictionary<string, string> Options { get; }

    /// <summary>Arguments left for the host's own configuration (e.g. <c>--ConnectionStrings:StationMap=...</c>).</summary>
    public string[] HostArgs { get; }

    /// <summary>The command in <paramref name="args"/>, or null when the process should serve HTTP.</summary>
    public static ToolCommand? Parse(string[] args)
    {
        if (args.Length == 0 || !Names.Contains(args[0]))
        {
            return null;
        }
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var hostArgs = new List<string>();
        var start = 1;
        string? argument = null;
        if (args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal))
        {
            argument = args[1];
            start = 2;
        }
        for (var i = start; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && !arg.Contains('=') && i + 1 < args.Length
                && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                options[arg[2..]] = args[++i];
            }
            else
            {
                hostArgs.Add(arg);
            }
        }
        return new ToolCommand(args[0], options, hostArgs.ToArray(), argument);
    }

    public async Task<int> RunAsync(WebApplication app)
    {
        var dataSources = app.Services.GetRequiredService<StationDataSources>();
        var migrator = app.Services.GetRequiredService<SchemaMigrator>();
        var applied = await migrator.MigrateAsync();
        Console.WriteLine(applied.Count == 0
            ? "schema up to date"
            : $"applied migrations: {string.Join(", ", applied.Select(m => $"{m.Version:0000}_{m.Name}"))}");
        switch (Name)
        {
            case "seed-demo":
                var demo = await DemoLoader.LoadBeijingAsync(dataSources.Write, CancellationToken.None);
                Console.WriteLine($"demo data (source '{DemoLoader.DemoSource}'): {demo}");
                break;
            case "load-generated":
                var count = int.Parse(Option("count", "200000"), CultureInfo.InvariantCulture);
                var seed = int.Parse(Option("seed", "7"), CultureInfo.InvariantCulture);
                var region = Enum.Parse<GeneratorRegion>(Option("region", "jingjinji"), ignoreCase: true);
                var source = Option("source", $"generated-{count}");
                var generated = await DemoLoader.LoadGeneratedAsync(dataSources.Write, source, count, seed, region, CancellationToken.None);
                Console.WriteLine($"generated stations (source '{source}', {region}, seed {seed}): {generated}");
                break;
            case "write-demo-feed":
                if (string.IsNullOrWhiteSpace(Argument))
                {
                    Console.Error.WriteLine("usage: write-demo-feed PATH [--count N]");
                    return 2;
                }
                // A district's list as an Amap export would give it: what run.sh configures as a refresh source.
                var feedCount = int.Parse(Option("count", "200"), CultureInfo.InvariantCulture);
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(Argument))!);
                var written = DemoFiles.WriteCsv(
                    StationGenerator.Generate(feedCount, seed: 11, GeneratorRegion.Beijing), Argument, CoordinateSystem.Gcj02);
                Console.WriteLine($"demo feed: {written} stations (GCJ-02 CSV) in {Argument}");
                break;
            case "create-operator-key":
                if (string.IsNullOrWhiteSpace(Argument))
                {
                    Console.Error.WriteLine("usage: create-operator-key NAME [--role operator|planner]");
                    return 2;
                }
                var role = Option("role", "operator");
                if (!OperatorKeys.Roles.Contains(role))
                {
                    Console.Error.WriteLine($"--role must be one of {string.Join(", ", OperatorKeys.Roles)}");
                    return 2;
                }
                var key = await app.Services.GetRequiredService<OperatorKeys>().CreateAsync(Argument, role, CancellationToken.None);
                Console.WriteLine($"{role} key for '{Argument}' (shown once; only its hash is stored):");
                Console.WriteLine(key);
                break;
        }
        return 0;
    }

    private string Option(string name, string fallback) => Options.TryGetValue(name, out var value) ? value : fallback;
}
