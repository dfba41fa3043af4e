using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StationMap.DemoData.Places;
using StationMap.Integration.Tests.Infrastructure;
using StationMap.Store.Operators;

namespace StationMap.Integration.Tests.Places;

/// <summary>
/// The operators' review queue over HTTP: the pairs with their evidence, link and unlink (of a queued pair or of any
/// two stations), what they change on the map, and the problems that name the field at fault.
/// </summary>
public sealed class PlaceReviewApiTests : IAsyncLifetime
{
    private PlacesStore _store = null!;
    private StationMapFactory _factory = null!;
    private HttpClient _operator = null!;
    private HttpClient _anonymous = null!;

    public async Task InitializeAsync()
    {
        _store = await PlacesStore.CreateAsync([OverlappingSources.Union, OverlappingSources.Hosts, OverlappingSources.Osm]);
        _factory = new StationMapFactory(_store.ConnectionString, new Dictionary<string, string?> { ["RateLimits:ExemptLoopback"] = "true" });
        _anonymous = _factory.CreateClient();
        _operator = _factory.CreateClient();
        var key = await _factory.Services.GetRequiredService<OperatorKeys>().CreateAsync("matcher", "operator", CancellationToken.None);
        _operator.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
    }

    public async Task DisposeAsync()
    {
        _operator.Dispose();
        _anonymous.Dispose();
        await _factory.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task The_queue_shows_pairs_with_their_evidence_to_operators_only()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _anonymous.GetAsync("/api/places/review")).StatusCode);
        var page = await _operator.GetFromJsonAsync<JsonElement>("/api/places/review?limit=500");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.Equal(await _store.ScalarAsync("SELECT count(*) FROM match_review"), page.GetProperty("pending").GetInt32());
        var scores = items.Select(i => i.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        foreach (var item in items)
        {
            var evidence = item.GetProperty("evidence");
            Assert.True(evidence.GetProperty("distanceM").GetDouble() >= 0);
            Assert.Contains(evidence.GetProperty("brand").GetString(), new[] { "same", "different", "unknown" });
            Assert.NotEqual(item.GetProperty("a").GetProperty("source").GetString(), item.GetProperty("b").GetProperty("source").GetString());
            Assert.NotEqual(item.GetProperty("a").GetProperty("placeId").GetInt64(), item.GetProperty("b").GetProperty("placeId").GetInt64());
        }
    }

    [Fact]
    public async Task Linking_a_queued_pair_makes_one_place_with_one_pin_on_the_map()
    {
        var page = await _operator.GetFromJsonAsync<JsonElement>("/api/places/review?limit=1");
        var item = page.GetProperty("items")[0];
        var (id, a, b) = (item.GetProperty("id").GetInt64(), item.GetProperty("a").GetProperty("id").GetInt64(), item.GetProperty("b").GetProperty("id").GetInt64());

        var linked = await _operator.PostAsync($"/api/places/review/{id}/link", null);
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Equal("link", (await linked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decision").GetString());
        Assert.Equal(await PlaceAsync(a), await PlaceAsync(b));
        Assert.Equal(1, await _store.ScalarAsync($"SELECT count(*) FROM station WHERE id IN ({a}, {b}) AND pin"));
        Assert.Equal(0, await _store.ScalarAsync($"SELECT count(*) FROM match_review WHERE id = {id}"));
        Assert.Equal("link", await DecisionAsync(a, b));

        // Nearest at one of them, once the index holds the change: one of the two, not both.
        await NearestIndexProbe.WaitUntilCurrentAsync(_anonymous, _store.Write, TimeSpan.FromSeconds(60));
        var at = item.GetProperty("a");
        var nearest = await _anonymous.GetFromJsonAsync<JsonElement>(string.Create(CultureInfo.InvariantCulture,
            $"/api/stations/nearest?lat={at.GetProperty("lat").GetDouble():R}&lon={at.GetProperty("lon").GetDouble():R}&k=20"));
        var ids = nearest.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        Assert.Single(ids, i => i == a || i == b);

        var again = await _operator.PostAsync($"/api/places/review/{id}/unlink", null);
        await AssertProblemAsync(again, HttpStatusCode.NotFound, "id");
    }

    [Fact]
    public async Task Unlinking_two_linked_stations_splits_their_place_and_is_kept()
    {
        var pair = await _store.ScalarAsync("""
            SELECT s.id FROM station s WHERE s.retired_at IS NULL AND s.pin
              AND (SELECT count(*) FROM station m WHERE m.place_id = s.place_id AND m.retired_at IS NULL) = 2
            ORDER BY s.id LIMIT 1
            """);
        var other = await _store.ScalarAsync($"SELECT m.id FROM station m, station s WHERE s.id = {pair} AND m.place_id = s.place_id AND m.id <> s.id");
        var response = await _operator.PostAsync($"/api/places/pairs/{other}/{pair}/unlink", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Math.Min(pair, other), result.GetProperty("stationA").GetInt64());
        Assert.NotEqual(await PlaceAsync(pair), await PlaceAsync(other));
        Assert.Equal(2, await _store.ScalarAsync($"SELECT count(*) FROM station WHERE id IN ({pair}, {other}) AND pin"));
        Assert.Equal("unlink", await DecisionAsync(pair, other));
        Assert.Equal(0, await _store.ScalarAsync($"SELECT count(*) FROM match_review WHERE station_a = {Math.Min(pair, other)} AND station_b = {Math.Max(pair, other)}"));
    }

    [Theory]
    [InlineData("/api/places/pairs/5/5/link", HttpStatusCode.BadRequest, "b")]
    [InlineData("/api/places/pairs/999999999/1/unlink", HttpStatusCode.NotFound, "a")]
    [InlineData("/api/places/pairs/1/999999999/link", HttpStatusCode.NotFound, "b")]
    [InlineData("/api/places/review/999999999/link", HttpStatusCode.NotFound, "id")]
    public async Task A_bad_decision_is_a_problem_naming_the_field(string path, HttpStatusCode status, string field) =>
        await AssertProblemAsync(await _operator.PostAsync(path, null), status, field);

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=%00", "limit")]
    [InlineData("limit=1&order=score", "order")]
    public async Task A_bad_queue_parameter_is_a_problem_naming_it(string query, string field) =>
        await AssertProblemAsync(await _operator.GetAsync("/api/places/review?" + query), HttpStatusCode.BadRequest, field);

    [Theory]
    [InlineData("/api/places/review/99999999999999999999/link")]
    [InlineData("/api/places/review/-1/unlink")]
    [InlineData("/api/places/pairs/1e3/2/link")]
    [InlineData("/api/places/review/1/merge")]
    public async Task Hostile_paths_are_refused_without_a_server_error(string path)
    {
        var response = await _operator.PostAsync(path, new StringContent(new string('x', 2000)));
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{path}: {(int)response.StatusCode}");
    }

    private async Task<long> PlaceAsync(long id) => await _store.ScalarAsync($"SELECT place_id FROM station WHERE id = {id}");

    private async Task<string?> DecisionAsync(long a, long b)
    {
        await using var command = _store.Write.CreateCommand($"SELECT decision FROM match_decision WHERE station_a = {Math.Min(a, b)} AND station_b = {Math.Max(a, b)}");
        return (string?)await command.ExecuteScalarAsync();
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"the problem names {string.Join(", ", problem.GetProperty("errors").EnumerateObject().Select(p => p.Name))}, not {field}");
    }
}
