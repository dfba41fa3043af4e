using System.Globalization;
using System.Net.Http.Json;
using StationMap.Domain;
using StationMap.Integration.Tests.Infrastructure;
using StationMap.Store;

namespace StationMap.Integration.Tests.Api;

/// <summary>
/// Two API hosts on one database, one answering nearest from memory and one from PostGIS, and random queries that
/// compare them: every filter in random combination, any k, at fixed instants. Each answer must be the same stations
/// in the same order, with every field equal and distances within 0.01 m.
/// </summary>
internal sealed class NearestPaths : IAsyncDisposable
{
    // The pinned instants "open now" is asked at: a weekday morning, Sunday small hours, a Saturday evening, a weekday noon.
    private static readonly DateTimeOffset[] Instants =
    [
        new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8)),
        new(2026, 11, 29, 3, 30, 0, TimeSpan.FromHours(8)),
        new(2026, 11, 28, 23, 15, 0, TimeSpan.FromHours(8)),
        new(2026, 11, 26, 12, 0, 0, TimeSpan.FromHours(8)),
    ];

    private static readonly Amenity[] AmenityValues = Enum.GetValues<Amenity>().Where(a => a != Amenity.None).ToArray();

    private readonly StationMapFactory _memory;
    private readonly StationMapFactory _database;
    private readonly HttpClient _memoryClient;
    private readonly HttpClient _databaseClient;

    private NearestPaths(string connectionString)
    {
        _memory = new StationMapFactory(connectionString, new Dictionary<string, string?> { ["Nearest:Path"] = "Memory" });
        // The database path's worst cases (far from every station, with filters, beside other test classes) may take
        // longer than the public statement timeout; this compares answers, not speed.
        _database = new StationMapFactory(connectionString, new Dictionary<string, string?>
        {
            ["Nearest:Path"] = "Database",
            ["Database:ReadStatementTimeoutMs"] = "0",
        });
        _memoryClient = _memory.CreateClient();
        _databaseClient = _database.CreateClient();
    }

    /// <summary>The client of the host answering from "memory" or from the "database".</summary>
    public HttpClient ClientFor(string path) => path == "memory" ? _memoryClient : _databaseClient;

    /// <summary>Starts both hosts and waits until the memory one has loaded the store's current version.</summary>
    public static async Task<NearestPaths> StartAsync(string connectionString, StationDataSources dataSources)
    {
        var paths = new NearestPaths(connectionString);
        await NearestIndexProbe.WaitUntilCurrentAsync(paths._memoryClient, dataSources.Write, TimeSpan.FromSeconds(60));
        var memory = await NearestIndexProbe.ReportAsync(paths._memoryClient);
        Assert.Equal("memory", memory.GetProperty("path").GetString());
        Assert.Equal("database", (await NearestIndexProbe.ReportAsync(paths._databaseClient)).GetProperty("path").GetString());
        return paths;
    }

    /// <summary>Runs <paramref name="count"/> random queries around the points <paramref name="near"/> gives and compares the paths.</summary>
    /// <returns>How many answers were compared and how many of them had stations.</returns>
    public async Task<(int Compared, int NonEmpty)> CompareAsync(
        int seed, int count, (double MinLat, double MinLon, double MaxLat, double MaxLon) box, IReadOnlyList<(double Lat, double Lon)> stations,
        bool truckFilters = true)
    {
        var random = new Random(seed);
        var nonEmpty = 0;
        var perInstant = (count + Instants.Length - 1) / Instants.Length;
        for (var i = 0; i < count; i++)
        {
            if (i % perInstant == 0)
            {
                var instant = Instants[i / perInstant % Instants.Length];
                _memory.Time.SetUtcNow(instant);
                _database.Time.SetUtcNow(instant);
            }
            var query = RandomQuery(random, box, stations, truckFilters);
            var context = $"seed {seed} query {i}: ?{query} at {_memory.Time.GetUtcNow():O}";
            var fromMemory = await GetAsync(_memoryClient, query, context);
            var fromDatabase = await GetAsync(_databaseClient, query, context);
            AssertSame(fromDatabase, fromMemory, context);
            if (fromDatabase.Items.Count > 0)
            {
                nonEmpty++;
            }
        }
        return (count, nonEmpty);
    }

    public static void AssertSame(NearestResponseDto expected, NearestResponseDto actual, string context)
    {
        Assert.True(
            expected.Items.Select(i => i.Id).SequenceEqual(actual.Items.Select(i => i.Id)),
            $"{context}: database [{Describe(expected)}] memory [{Describe(actual)}]");
        Assert.Equal(expected.Origin, actual.Origin);
        for (var i = 0; i < expected.Items.Count; i++)
        {
            var (e, a) = (expected.Items[i], actual.Items[i]);
            // Both paths round to the centimetre, so a raw difference of 0.1 mm can straddle a rounding boundary.
            Assert.True(Math.Abs(e.DistanceM - a.DistanceM) <= 0.01 + 1e-6, $"{context}: station {e.Id} at {e.DistanceM} m vs {a.DistanceM} m");
            Assert.True(
                e with { DistanceM = 0, Amenities = [] } == a with { DistanceM = 0, Amenities = [] } && e.Amenities.SequenceEqual(a.Amenities),
                $"{context}: station {e.Id} differs: {e} vs {a}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _memory.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static string RandomQuery(
        Random random, (double MinLat, double MinLon, double MaxLat, double MaxLon) box, IReadOnlyList<(double Lat, double Lon)> stations,
        bool truckFilters)
    {
        var where = random.NextDouble();
        var (lat, lon) = where switch
        {
            // Exactly on a station: distance 0, and ties where generated stations share coordinates.
            < 0.1 => stations[random.Next(stations.Count)],
            // Anywhere on Earth but the polar caps: answers thousands of kilometres away.
            < 0.15 => (-60 + random.NextDouble() * 130, -180 + random.NextDouble() * 360),
            _ => (box.MinLat + random.NextDouble() * (box.MaxLat - box.MinLat), box.MinLon + random.NextDouble() * (box.MaxLon - box.MinLon)),
        };
        var parts = new List<string> { $"lat={F(Math.Round(lat, 6))}", $"lon={F(Math.Round(lon, 6))}" };
        var k = random.NextDouble() switch { < 0.3 => 10, < 0.8 => random.Next(1, 21), _ => random.Next(1, 101) };
        parts.Add($"k={k}");
        if (random.NextDouble() < 0.4)
        {
            var kinds = StationKinds.WireNames.Where(_ => random.NextDouble() < 0.5).ToList();
            if (kinds.Count > 0)
            {
                parts.Add("kind=" + string.Join(',', kinds));
            }
        }
        var amenityCount = random.NextDouble() switch { < 0.5 => 0, < 0.85 => 1, < 0.97 => 2, _ => 3 };
        if (amenityCount > 0)
        {
            var chosen = Enumerable.Range(0, amenityCount).Select(_ => AmenityValues[random.Next(AmenityValues.Length)]).Aggregate((a, b) => a | b);
            parts.Add("amenity=" + string.Join(',', StationMap.Domain.Amenities.ToWire(chosen)));
        }
        if (random.NextDouble() < 0.35)
        {
            parts.Add("openNow=true");
        }
        // Truck filters: rare attributes, so these searches reach far before k stations pass (the generated sets
        // have no truck attributes at all, so there they would only compare empty answers).
        if (truckFilters && random.NextDouble() < 0.15)
        {
            parts.Add("truck=true");
        }
        if (truckFilters && random.NextDouble() < 0.15)
        {
            parts.Add($"vehicleLengthM={F(new[] { 9.6, 12, 17.5, 18, 22 }[random.Next(5)])}");
        }
        if (truckFilters && random.NextDouble() < 0.1)
        {
            parts.Add("hazmat=true");
        }
        if (random.NextDouble() < 0.25)
        {
            // From 50 m to the 200 km limit, spread evenly over the orders of magnitude.
            parts.Add($"maxDistanceM={F(Math.Round(50 * Math.Pow(4000, random.NextDouble()), 1))}");
        }
        return string.Join('&', parts.OrderBy(_ => random.Next()));
    }

    private static async Task<NearestResponseDto> GetAsync(HttpClient client, string query, string context)
    {
        var response = await client.GetAsync($"/api/stations/nearest?{query}");
        Assert.True(response.IsSuccessStatusCode, $"{context}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<NearestResponseDto>())!;
    }

    private static string Describe(NearestResponseDto answer) => string.Join(",", answer.Items.Select(i => $"{i.Id}@{i.DistanceM:0.00}"));

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
