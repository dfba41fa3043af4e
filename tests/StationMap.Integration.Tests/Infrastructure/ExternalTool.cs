using System.Diagnostics;

namespace StationMap.Integration.Tests.Infrastructure;

/// <summary>A program from Debian that checks our output from outside (ogrinfo, zbarimg, rsvg-convert), run to its end.</summary>
public static class ExternalTool
{
    /// <summary>Runs <paramref name="tool"/> and answers what it printed; fails the test when it is missing or exits non-zero.</summary>
    /// <param name="package">The Debian package that brings it (scripts/test.sh installs it).</param>
    public static async Task<string> RunAsync(string tool, string package, params IEnumerable<string> arguments)
    {
        var run = await RunToEndAsync(tool, package, arguments);
        Assert.True(run.ExitCode == 0, $"{tool} exited with {run.ExitCode}: {run.Error}");
        return run.Output;
    }

    /// <summary>What a run printed on each stream, and how it ended; for a test that expects the tool to refuse.</summary>
    public sealed record Run(int ExitCode, string Output, string Error);

    /// <summary>Runs <paramref name="tool"/> to its end, whatever its exit code; fails the test only when it is missing.</summary>
    public static async Task<Run> RunToEndAsync(string tool, string package, params IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new Xunit.Sdk.XunitException($"{tool} is not installed (apt-get install {package}; scripts/test.sh does): {e.Message}");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            return new Run(process.ExitCode, (await output).Replace("\r", "", StringComparison.Ordinal), await error);
        }
    }
}
