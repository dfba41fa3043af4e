using System.Globalization;
using System.Net.Http.Json;
using StationMap.Integration.Tests.Infrastructure;

namespace StationMap.Integration.Tests.Api;

/// <summary>
/// Stations on a ring at almost the same distance from the origin: the one-scan nearest path cannot prove its
/// candidates hold the k nearest (their sphere distances differ by less than the sphere/spheroid disagreement),
/// so the exact two-stage query must answer, and still equal the brute-force ranking.
/// </summary>
public sealed class NearestRingTests : IAsyncLifetime
{
    private const double OriginLat = 40.95;
    private const double OriginLon = 117.95;
    private string _database = "";

    public async Task InitializeAsync()
    {
        _database = await TestDatabases.CreateWithDemoDataAsync("ring");
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(TestDatabases.ConnectionStringFor(_database));
        var random = new Random(77);
        for (var i = 0; i < 90; i++)
        {
            // 1,000 m on a local flat approximation: the true geodesic distances then spread by a few metres.
            var bearing = random.NextDouble() * 2 * Math.PI;
            var radius = 1000 + random.NextDouble() * 0.5;
            var lat = OriginLat + radius * Math.Cos(bearing) / 111_320;
            var lon = OriginLon + radius * Math.Sin(bearing) / (111_320 * Math.Cos(OriginLat * Math.PI / 180));
            await using var insert = dataSource.CreateCommand(
                "INSERT INTO station (source, external_id, kind, name, location) VALUES ('ring', @id, 'warm_station', @name, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326))");
            insert.Parameters.AddWithValue("id", $"ring-{i}");
            insert.Parameters.AddWithValue("name", $"环形测试站 {i}");
            insert.Parameters.AddWithValue("lon", lon);
            insert.Parameters.AddWithValue("lat", lat);
            await insert.ExecuteNonQueryAsync();
        }
    }

    public async Task DisposeAsync() => await TestDatabases.DropAsync(_database);

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(40)]
    public async Task Nearly_equidistant_stations_are_ranked_exactly(int k)
    {
        var connectionString = TestDatabases.ConnectionStringFor(_database);
        await using var factory = new StationMapFactory(connectionString);
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
