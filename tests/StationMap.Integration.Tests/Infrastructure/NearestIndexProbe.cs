using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace StationMap.Integration.Tests.Infrastructure;

/// <summary>
/// What an API host's in-memory nearest index holds, as <c>/healthz</c> reports it, against the store's data version.
/// The memory path is eventually consistent, so tests that change stations wait for the index before they ask.
/// </summary>
public static class NearestIndexProbe
{
    public static async Task<long> StoreVersionAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT version FROM station_data_version");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The <c>nearest</c> object of <c>/healthz</c>.</summary>
    public static async Task<JsonElement> ReportAsync(HttpClient client)
    {
        var health = await client.GetFromJsonAsync<JsonElement>("/healthz");
        return health.GetProperty("nearest");
    }

    public static async Task<long?> LoadedVersionAsync(HttpClient client)
    {
        var version = (await ReportAsync(client)).GetProperty("version");
        return version.ValueKind == JsonValueKind.Null ? null : version.GetInt64();
    }

    /// <summary>Waits until the host's index holds the store's current version; fails after <paramref name="timeout"/>.</summary>
    /// <returns>How long it took.</returns>
    public static async Task<TimeSpan> WaitUntilCurrentAsync(HttpClient client, NpgsqlDataSource dataSource, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        var target = await StoreVersionAsync(dataSource);
        long? loaded = null;
        while (watch.Elapsed < timeout)
        {
            loaded = await LoadedVersionAsync(client);
            if (loaded == target)
            {
                return watch.Elapsed;
            }
            await Task.Delay(20);
        }
        throw new Xunit.Sdk.XunitException($"the nearest index did not reach store version {target} within {timeout} (it holds {loaded?.ToString() ?? "nothing"})");
    }
}
