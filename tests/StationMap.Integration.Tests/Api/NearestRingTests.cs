using System.Globalization;
using System.Net.Http.Json;
using StationMap.Integration.Tests.Infrastructure;

namespace StationMap.Integration.Tests.Api;

/// <summary>
/// Stations on a ring at almost the same distance from the origin: the first index candidates cannot prove they hold
/// the k nearest (their sphere distances differ by less than the sphere/spheroid disagreement), so a wider scan, or
/// for a large ring the exact two-stage query, must answer, and still equal the brute-force ranking.
/// </summary>
public sealed class NearestRingTests : IAsyncLifetime
{
    private const double OriginLat = 40.95;
    private const double OriginLon = 117.95;
    private string _database = "";

    public async Task InitializeAsync() => _database = await TestDatabases.CreateWithDemoDataAsync("ring");

    // Stations 1,000 m away on a local flat approximation (golden-angle bearings), so their true geodesic distances
    // spread by a few metres only.
    private async Task AddRingAsync(int count)
    {
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(TestDatabases.ConnectionStringFor(_database));
        await using var insert = dataSource.CreateCommand("""
            INSERT INTO station (source, external_id, kind, name, location)
            SELECT 'ring', 'ring-' || i, 'warm_station', '环形测试站 ' || i,
                   ST_SetSRID(ST_MakePoint(
                       @lon + (1000 + (i % 7) * 0.07) * sin(i * 2.399963) / (111320 * cos(radians(@lat))),
                       @lat + (1000 + (i % 7) * 0.07) * cos(i * 2.399963) / 111320), 4326)
            FROM generate_series(1, @count) AS i
            """);
        insert.Parameters.AddWithValue("lon", OriginLon);
        insert.Parameters.AddWithValue("lat", OriginLat);
        insert.Parameters.AddWithValue("count", count);
        await insert.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync() => await TestDatabases.DropAsync(_database);

    [Theory]
    [InlineData(90, 1)]
    [InlineData(90, 10)]
    [InlineData(90, 40)]
    // More stations on the ring than the widest proving scan reads: only the exact two-stage query can answer.
    [InlineData(2500, 1)]
    [InlineData(2500, 10)]
    [InlineData(2500, 40)]
    public async Task Nearly_equidistant_stations_are_ranked_exactly(int ringSize, int k)
    {
        await AddRingAsync(ringSize);
        var connectionString = TestDatabases.ConnectionStringFor(_database);
        // The database path: this is a test of its SQL (the memory path has its own tests of ties and exactness).
        await using var factory = new StationMapFactory(connectionString, new Dictionary<string, string?> { ["Nearest:Path"] = "Database" });
        var client = factory.CreateClient();
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(connectionString);
        var all = await ReferenceStation.LoadAllAsync(dataSource);

        var lat = OriginLat.ToString(CultureInfo.InvariantCulture);
        var lon = OriginLon.ToString(CultureInfo.InvariantCulture);
        var answer = (await client.GetFromJsonAsync<NearestResponseDto>($"/api/stations/nearest?lat={lat}&lon={lon}&k={k}"))!;

        var expected = ReferenceStation.Rank(all, OriginLat, OriginLon, k, _ => true);
        Assert.Equal(expected.Select(e => e.Station.Id), answer.Items.Select(i => i.Id));
        Assert.All(expected.Zip(answer.Items), pair => Assert.InRange(pair.Second.DistanceM - pair.First.DistanceM, -0.01, 0.01));
    }
}
