using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using StationMap.Import;

namespace StationMap.Importer;

/// <summary>A progress bar with rows/s on a terminal; a plain line every few seconds when output is redirected.</summary>
internal static class ProgressDisplay
{
    public static async Task<ImportResult> RunAsync(Func<Action<ImportProgress>, Task<ImportResult>> run)
    {
        var clock = Stopwatch.StartNew();
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            var nextLine = TimeSpan.FromSeconds(5);
            return await run(p =>
            {
                if (p.Phase is ImportPhase.Merging or ImportPhase.MatchingPlaces || clock.Elapsed >= nextLine)
                {
                    nextLine = clock.Elapsed + TimeSpan.FromSeconds(5);
                    Console.WriteLine(Describe(p, clock.Elapsed));
                }
            });
        }
        ImportResult? result = null;
        await AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("reading", maxValue: 1);
                result = await run(p =>
                {
                    task.MaxValue = Math.Max(p.TotalBytes, 1);
                    task.Value = p.BytesRead;
                    task.Description = Describe(p, clock.Elapsed);
                });
                task.Value = task.MaxValue;
            });
        return result!;
    }

    private static string Describe(ImportProgress p, TimeSpan elapsed)
    {
        var rate = p.RowsRead / Math.Max(elapsed.TotalSeconds, 1e-3);
        return p.Phase switch
        {
            ImportPhase.Reading => string.Create(CultureInfo.InvariantCulture, $"reading: {p.RowsRead:#,0} rows, {rate:#,0} rows/s"),
            ImportPhase.Merging => string.Create(CultureInfo.InvariantCulture, $"merging {p.RowsRead:#,0} rows"),
            ImportPhase.MatchingPlaces => "matching places",
            _ => "done",
        };
    }
}
