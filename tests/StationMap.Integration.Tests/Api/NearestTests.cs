using System.Globalization;
using System.Net.Http.Json;
using StationMap.Domain;
using StationMap.Integration.Tests.Infrastructure;

namespace StationMap.Integration.Tests.Api;

/// <summary>/api/stations/nearest against a brute-force geodesic ranking of every demo station.</summary>
public sealed class NearestTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private const int Seed = 4242;
    private StationMapFactory _factory = null!;
    private HttpClient _client = null!;
    private IReadOnlyList<ReferenceStation> _all = [];

    public async Task InitializeAsync()
    {
        _factory = new StationMapFactory(database.ConnectionString);
        _client = _factory.CreateClient();
        _all = await ReferenceStation.LoadAllAsync(database.DataSources.Read);
        await NearestIndexProbe.WaitUntilCurrentAsync(_client, database.DataSources.Write, TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    public static IEnumerable<object[]> RandomBeijingPoints()
    {
        var random = new Random(Seed);
        for (var i = 0; i < 50; i++)
        {
            yield return [i, Math.Round(39.6 + random.NextDouble() * 0.7, 6), Math.Round(115.9 + random.NextDouble() * 1.0, 6)];
        }
    }

    [Theory]
    [MemberData(nameof(RandomBeijingPoints))]
    public async Task Nearest_equals_brute_force_geodesic_ranking(int caseIndex, double lat, double lon)
    {
        var answer = await GetAsync($"lat={F(lat)}&lon={F(lon)}&k=10");
        var expected = ReferenceStation.Rank(_all, lat, lon, 10, _ => true);
        AssertSameRanking(expected, answer, $"seed {Seed} case {caseIndex} at {lat},{lon}");
        Assert.Equal(lat, answer.Origin.Lat);
        Assert.Equal(lon, answer.Origin.Lon);
    }

    [Fact]
    public async Task Kind_filter_with_several_values_equals_brute_force()
    {
        var random = new Random(Seed + 1);
        for (var i = 0; i < 10; i++)
        {
            var (lat, lon) = (39.6 + random.NextDouble() * 0.5, 115.9 + random.NextDouble() * 0.8);
            var answer = await GetAsync($"lat={F(lat)}&lon={F(lon)}&k=15&kind=workers_home,checkpoint_rest_stop");
            var expected = ReferenceStation.Rank(_all, lat, lon, 15, s => s.Kind is StationKind.WorkersHome or StationKind.CheckpointRestStop);
            AssertSameRanking(expected, answer, $"seed {Seed + 1} case {i}");
        }
    }

    [Fact]
    public async Task Amenity_filter_means_has_all_of_them()
    {
        var random = new Random(Seed + 2);
        for (var i = 0; i < 10; i++)
        {
            var (lat, lon) = (39.8 + random.NextDouble() * 0.3, 116.2 + random.NextDouble() * 0.4);
            var answer = await GetAsync($"lat={F(lat)}&lon={F(lon)}&k=20&amenity=microwave,toilet");
            var expected = ReferenceStation.Rank(_all, lat, lon, 20, s => s.Amenities.HasAll(Amenity.Microwave | Amenity.Toilet));
            AssertSameRanking(expected, answer, $"seed {Seed + 2} case {i}");
            Assert.All(answer.Items, item => Assert.Superset(new HashSet<string> { "microwave", "toilet" }, item.Amenities.ToHashSet()));
        }
    }

    [Theory]
    [InlineData("2026-11-24T10:00:00+08:00")] // Tuesday morning
    [InlineData("2026-11-29T03:30:00+08:00")] // Sunday small hours: only 24/7 and past-midnight spans are open
    [InlineData("2026-11-28T23:15:00+08:00")] // Saturday late evening
    public async Task Open_now_at_a_fixed_instant_equals_brute_force(string instantText)
    {
        var instant = DateTimeOffset.Parse(instantText, CultureInfo.InvariantCulture);
        _factory.Time.SetUtcNow(instant);
        var random = new Random(Seed + 3);
        for (var i = 0; i < 8; i++)
        {
            var (lat, lon) = (39.7 + random.NextDouble() * 0.5, 116.0 + random.NextDouble() * 0.7);
            var answer = await GetAsync($"lat={F(lat)}&lon={F(lon)}&k=12&openNow=true");
            var expected = ReferenceStation.Rank(_all, lat, lon, 12, s => s.IsOpenAt(instant));
            AssertSameRanking(expected, answer, $"seed {Seed + 3} case {i} at {instantText}");
            Assert.All(answer.Items, item => Assert.True(item.OpenNow));
        }
    }

    [Fact]
    public async Task Max_distance_limits_the_answer_and_every_filter_combines()
    {
        var instant = new DateTimeOffset(2026, 11, 25, 20, 30, 0, TimeSpan.FromHours(8));
        _factory.Time.SetUtcNow(instant);
        var answer = await GetAsync("lat=39.9087&lon=116.3975&k=100&maxDistanceM=3000&kind=warm_station&amenity=hot_water&openNow=true");
        var expected = ReferenceStation.Rank(
            _all, 39.9087, 116.3975, 100,
            s => s.Kind == StationKind.WarmStation && s.Amenities.HasAll(Amenity.HotWater) && s.IsOpenAt(instant),
            maxDistanceM: 3000);
        Assert.NotEmpty(expected);
        AssertSameRanking(expected, answer, "combined filters");
        Assert.All(answer.Items, item => Assert.True(item.DistanceM <= 3000));
    }

    [Fact]
    public async Task Unknown_hours_report_null_and_a_next_change_is_given_for_known_ones()
    {
        var unparseable = _all.First(s => s.OpeningHours is not null && !StationMap.Domain.Hours.OpeningHours.TryParse(s.OpeningHours, out _, out _));
        var answer = await GetAsync($"lat={F(unparseable.Lat)}&lon={F(unparseable.Lon)}&k=1");
        var item = Assert.Single(answer.Items);
        Assert.Equal(unparseable.Id, item.Id);
        Assert.Null(item.OpenNow);
        Assert.Null(item.NextChange);

        var shopHours = _all.First(s => s.OpeningHours == "Mo-Fr 09:00-17:00");
        _factory.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8)));
        var shop = Assert.Single((await GetAsync($"lat={F(shopHours.Lat)}&lon={F(shopHours.Lon)}&k=1")).Items);
        Assert.True(shop.OpenNow);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 17, 0, 0, TimeSpan.FromHours(8)), shop.NextChange!.At);
    }

    [Fact]
    public async Task Retired_stations_never_appear()
    {
        var target = _all.First(s => s.Kind == StationKind.WarmStation);
        var before = await GetAsync($"lat={F(target.Lat)}&lon={F(target.Lon)}&k=3");
        Assert.Equal(target.Id, before.Items[0].Id);

        await using (var retire = database.DataSources.Write.CreateCommand("UPDATE station SET retired_at = now() WHERE id = @id"))
        {
            retire.Parameters.AddWithValue("id", target.Id);
            await retire.ExecuteNonQueryAsync();
        }
        try
        {
            // The answer comes from memory, which follows the store within the sync delay.
            await NearestIndexProbe.WaitUntilCurrentAsync(_client, database.DataSources.Write, TimeSpan.FromSeconds(2));
            var after = await GetAsync($"lat={F(target.Lat)}&lon={F(target.Lon)}&k=3");
            Assert.DoesNotContain(after.Items, i => i.Id == target.Id);
            Assert.Equal(before.Items.Skip(1).Select(i => i.Id), after.Items.Take(2).Select(i => i.Id));
        }
        finally
        {
            await using var restore = database.DataSources.Write.CreateCommand("UPDATE station SET retired_at = NULL WHERE id = @id");
            restore.Parameters.AddWithValue("id", target.Id);
            await restore.ExecuteNonQueryAsync();
            await NearestIndexProbe.WaitUntilCurrentAsync(_client, database.DataSources.Write, TimeSpan.FromSeconds(2));
        }
    }

    private async Task<NearestResponseDto> GetAsync(string query)
    {
        var response = await _client.GetAsync($"/api/stations/nearest?{query}");
        Assert.True(response.IsSuccessStatusCode, $"{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<NearestResponseDto>())!;
    }

    private static void AssertSameRanking(List<(ReferenceStation Station, double DistanceM)> expected, NearestResponseDto answer, string context)
    {
        Assert.True(
            expected.Select(e => e.Station.Id).SequenceEqual(answer.Items.Select(i => i.Id)),
            $"{context}: expected [{string.Join(",", expected.Select(e => $"{e.Station.Id}@{e.DistanceM:0.00}"))}] " +
            $"got [{string.Join(",", answer.Items.Select(i => $"{i.Id}@{i.DistanceM:0.00}"))}]");
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(Math.Abs(expected[i].DistanceM - answer.Items[i].DistanceM) <= 0.5,
                $"{context}: station {expected[i].Station.Id} distance {answer.Items[i].DistanceM} vs {expected[i].DistanceM}");
        }
    }

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
