using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using StationMap.Domain.Geo;
using StationMap.Integration.Tests.Infrastructure;

namespace StationMap.Integration.Tests.Api;

/// <summary>
/// /api/stations/search over the Beijing demo data: what a worker types (a fragment of an address in full-width digits,
/// a name without its suffix, a district, a host) finds the station, the answer has the list shape with a distance
/// when a position is given, and every bad parameter is a problem naming it.
/// </summary>
public sealed class SearchTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private StationMapFactory _factory = null!;
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _host = null!;
    private HttpClient _client = null!;
    private List<DemoStation> _stations = [];

    public async Task InitializeAsync()
    {
        // The shipped logging, with our own categories down to debug: whatever the API writes is captured.
        _factory = new StationMapFactory(database.ConnectionString, new Dictionary<string, string?> { ["Logging:LogLevel:StationMap"] = "Debug" });
        _host = _factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(_logs)));
        _client = _host.CreateClient();
        _stations = await DemoStation.LoadAsync(database);
        await NearestIndexProbe.WaitUntilCurrentAsync(_client, database.DataSources.Write, TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _factory.DisposeAsync();
    }

    private async Task<JsonElement> SearchAsync(string query)
    {
        var response = await _client.GetAsync($"/api/stations/search?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<JsonElement> Items(JsonElement answer) => [.. answer.GetProperty("items").EnumerateArray()];

    private static string Q(string text) => "q=" + Uri.EscapeDataString(text);

    private static string FullWidth(string text) =>
        new string(text.Select(c => c is > ' ' and <= '~' ? (char)(c - 0x21 + 0xFF01) : c).ToArray());

    [Fact]
    public async Task A_fragment_of_an_address_in_full_width_digits_finds_the_station()
    {
        // A demo station whose street and number no other address holds, e.g. 菜市口大街57号.
        var target = _stations.First(s => s.Address is { } a && _stations.Count(o => o.Address?.Contains(a[6..], StringComparison.Ordinal) == true) == 1);
        var fragment = target.Address![6..];
        var items = Items(await SearchAsync(Q(FullWidth(fragment))));
        Assert.Equal(target.Id, items[0].GetProperty("id").GetInt64());
        Assert.Equal("address", items[0].GetProperty("match").GetString());
        Assert.Equal(target.Name, items[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_name_without_its_generic_suffix_is_an_exact_match_and_comes_first()
    {
        var target = _stations.First(s => s.Name.EndsWith(" 暖心驿站", StringComparison.Ordinal) && _stations.Count(o => o.Name == s.Name) == 1);
        var withoutSuffix = target.Name[..^" 暖心驿站".Length];
        foreach (var query in new[] { withoutSuffix, withoutSuffix + "驿站", withoutSuffix + " 户外劳动者服务站" })
        {
            var first = Items(await SearchAsync(Q(query)))[0];
            Assert.Equal(target.Id, first.GetProperty("id").GetInt64());
            Assert.Equal("name_exact", first.GetProperty("match").GetString());
        }
    }

    [Fact]
    public async Task A_district_finds_only_its_stations_and_a_host_type_its_hosts()
    {
        var district = Items(await SearchAsync(Q("延庆区") + "&limit=50"));
        Assert.Equal(Math.Min(50, _stations.Count(s => (s.Address + s.District + s.Name).Contains("延庆区", StringComparison.Ordinal))), district.Count);
        Assert.All(district, item => Assert.Equal("延庆区", item.GetProperty("district").GetString()));

        var hosts = Items(await SearchAsync(Q("Petrol Station") + "&limit=50"));
        var petrol = _stations.Where(s => s.Host == "petrol_station").Select(s => s.Id).ToHashSet();
        Assert.NotEmpty(hosts);
        Assert.All(hosts, item => Assert.Contains(item.GetProperty("id").GetInt64(), petrol));
        Assert.All(hosts, item => Assert.Contains(item.GetProperty("match").GetString(), (string[])["host", "name"]));
    }

    [Fact]
    public async Task Without_a_position_items_have_the_list_shape_and_no_distance()
    {
        var answer = await SearchAsync(Q("党群服务中心"));
        Assert.Equal("党群服务中心", answer.GetProperty("query").GetString());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("origin").ValueKind);
        var items = Items(answer);
        Assert.Equal(10, items.Count);
        foreach (var item in items)
        {
            foreach (var field in (string[])["id", "name", "kind", "lat", "lon", "address", "district", "amenities", "openingHours", "openNow", "match", "share"])
            {
                Assert.True(item.TryGetProperty(field, out _), $"{field} missing in {item}");
            }
            Assert.Equal(JsonValueKind.Null, item.GetProperty("distanceM").ValueKind);
            Assert.Contains("党群服务中心", item.GetProperty("name").GetString());
        }
        // Shorter names first, as the names' lengths without their suffixes say.
        var lengths = items.Select(i => i.GetProperty("name").GetString()!.Split(' ')[0].Length).ToList();
        Assert.Equal(lengths.Order(), lengths);
    }

    [Fact]
    public async Task With_a_position_nearer_stations_of_a_tier_come_first_and_distances_are_geodesic()
    {
        var (lat, lon) = (39.9087, 116.3975);
        var answer = await SearchAsync(Q("支行") + $"&lat={lat.ToString(CultureInfo.InvariantCulture)}&lon={lon.ToString(CultureInfo.InvariantCulture)}&limit=20");
        Assert.Equal(lat, answer.GetProperty("origin").GetProperty("lat").GetDouble());
        var items = Items(answer);
        Assert.Equal(20, items.Count);
        var scores = new List<double>();
        foreach (var item in items)
        {
            var distance = item.GetProperty("distanceM").GetDouble();
            var expected = Geodesy.DistanceMeters(lat, lon, item.GetProperty("lat").GetDouble(), item.GetProperty("lon").GetDouble());
            Assert.Equal(Math.Round(expected, 2), distance);
            var tier = item.GetProperty("match").GetString() switch { "name_exact" => 4, "name_prefix" => 3, "name" => 2, _ => 1 };
            scores.Add(tier + 1.5 / (1 + expected / 1000));
        }
        Assert.Equal(scores.OrderDescending(), scores);
        // Every name-holding station (tier 2) nearer than the 20th is in the answer.
        var last = scores[^1];
        var missed = _stations.Where(s => s.Name.Contains("支行", StringComparison.Ordinal))
            .Where(s => 2 + 1.5 / (1 + Geodesy.DistanceMeters(lat, lon, s.Lat, s.Lon) / 1000) > last)
            .Select(s => s.Id).Except(items.Select(i => i.GetProperty("id").GetInt64()));
        Assert.Empty(missed);
    }

    [Fact]
    public async Task A_position_is_never_written_to_the_log()
    {
        // Digits no station has, so any trace of them can be found.
        await SearchAsync(Q("前门") + "&lat=39.9137713&lon=116.3912871");
        Assert.DoesNotContain(_logs.Lines, line => line.Contains("39.913771", StringComparison.Ordinal) || line.Contains("116.391287", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "q")]
    [InlineData("q=", "q")]
    [InlineData("q=%20%20%20", "q")]
    [InlineData("q=%EF%BC%81%3F%E3%80%82", "q")] // ！?。 holds no letter or digit
    [InlineData("q=%E5%89%8D&lat=39.9", "lon")]
    [InlineData("q=%E5%89%8D&lon=116.4", "lat")]
    [InlineData("q=%E5%89%8D&lat=91&lon=116.4", "lat")]
    [InlineData("q=%E5%89%8D&lat=39.9&lon=181", "lon")]
    [InlineData("q=%E5%89%8D&limit=0", "limit")]
    [InlineData("q=%E5%89%8D&limit=51", "limit")]
    [InlineData("q=%E5%89%8D&limit=ten", "limit")]
    public async Task A_bad_parameter_is_a_problem_naming_it(string query, string field) =>
        await Problems.AssertNamesFieldAsync(await _client.GetAsync($"/api/stations/search?{query}"), HttpStatusCode.BadRequest, field);

    [Fact]
    public async Task A_query_of_200_characters_is_a_problem_naming_q_and_100_are_searched()
    {
        var response = await _client.GetAsync("/api/stations/search?" + Q(new string('门', 200)));
        await Problems.AssertNamesFieldAsync(response, HttpStatusCode.BadRequest, "q");
        Assert.Contains("200", await response.Content.ReadAsStringAsync());
        // 100 characters with spaces around them: trimmed, then searched. No station holds them whole; the centres'
        // names hold 5 of their 6 distinct pairs (all but 心党), so those answer as partial matches.
        var hundred = Items(await SearchAsync(Q("  " + string.Concat(Enumerable.Repeat("党群服务中心", 16)) + "党群服务  ")));
        Assert.NotEmpty(hundred);
        Assert.All(hundred, item => Assert.Equal(("partial", 0.833), (item.GetProperty("match").GetString(), item.GetProperty("share").GetDouble())));
    }

    [Fact]
    public async Task The_answer_says_how_fresh_the_index_is()
    {
        var response = await _client.GetAsync("/api/stations/search?" + Q("驿站"));
        Assert.True(response.Headers.Contains("X-Data-Version"));
        Assert.True(response.Headers.Contains("X-Data-Age"));
    }

    /// <summary>A demo station as the test reads it straight from the table.</summary>
    private sealed record DemoStation(long Id, string Name, string? Address, string? District, string? Host, double Lat, double Lon)
    {
        public static async Task<List<DemoStation>> LoadAsync(DemoDatabase database)
        {
            await using var command = database.DataSources.Read.CreateCommand(
                "SELECT id, name, address, district, host, ST_Y(location), ST_X(location) FROM station WHERE retired_at IS NULL ORDER BY id");
            await using var reader = await command.ExecuteReaderAsync();
            var all = new List<DemoStation>();
            while (await reader.ReadAsync())
            {
                all.Add(new DemoStation(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetDouble(5), reader.GetDouble(6)));
            }
            return all;
        }
    }
}
