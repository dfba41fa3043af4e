using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StationMap.Domain.Geo;
using StationMap.Domain.Places;
using StationMap.Domain.Tiles;
using StationMap.Integration.Tests.Api;
using StationMap.Integration.Tests.Infrastructure;
using StationMap.Integration.Tests.Tiles;

namespace StationMap.Integration.Tests.Places;

/// <summary>
/// One pin per place on every reader: nearest (memory and database paths), the bbox list, search and the vector tiles
/// answer one item per place, the record of the best source, and the card lists the place's sources. Checked against a brute
/// force over places that shares no SQL with the API: the live records grouped by place, the pin chosen by
/// <see cref="PlacePins"/> from the priorities, ranked with our own geodesic.
/// </summary>
public sealed class PlacePinsApiTests(PlacesDatabase database) : IClassFixture<PlacesDatabase>, IAsyncLifetime
{
    private NearestPaths _paths = null!;
    private StationMapFactory _factory = null!;
    private HttpClient _client = null!;
    private List<Pin> _pins = [];
    private readonly Dictionary<long, (long PlaceId, string Name)> _hidden = [];
    private int _records;

    private sealed record Pin(long Id, long PlaceId, double Lat, double Lon, string Name);

    public async Task InitializeAsync()
    {
        _paths = await NearestPaths.StartAsync(database.Store.ConnectionString, database.Store.DataSources);
        _factory = new StationMapFactory(database.Store.ConnectionString);
        _client = _factory.CreateClient();
        await NearestIndexProbe.WaitUntilCurrentAsync(_client, database.Store.Write, TimeSpan.FromSeconds(60));

        var places = new Dictionary<long, List<(PinCandidate Candidate, double Lat, double Lon)>>();
        await using var command = database.Store.Write.CreateCommand(
            "SELECT id, source, external_id, updated_at, place_id, ST_Y(location), ST_X(location), name FROM station WHERE retired_at IS NULL");
        var names = new Dictionary<long, string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            _records++;
            var place = reader.GetInt64(4);
            names[reader.GetInt64(0)] = reader.GetString(7);
            if (!places.TryGetValue(place, out var members))
            {
                places[place] = members = [];
            }
            members.Add((new PinCandidate(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)),
                reader.GetDouble(5), reader.GetDouble(6)));
        }
        _pins = [.. places.Select(p =>
        {
            var best = p.Value[PlacePins.Best([.. p.Value.Select(m => m.Candidate)], PlacesStore.Priorities)];
            foreach (var other in p.Value.Where(m => m.Candidate.Id != best.Candidate.Id))
            {
                _hidden[other.Candidate.Id] = (p.Key, names[other.Candidate.Id]);
            }
            return new Pin(best.Candidate.Id, p.Key, best.Lat, best.Lon, names[best.Candidate.Id]);
        })];
    }

    public async Task DisposeAsync()
    {
        await _paths.DisposeAsync();
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Nearest_on_both_paths_is_the_brute_force_over_places()
    {
        Assert.True(_records - _pins.Count > 1000, $"{_records} records in {_pins.Count} places: too few places of several sources to tell");
        var random = new Random(2101);
        var compared = 0;
        foreach (var path in new[] { "memory", "database" })
        {
            for (var i = 0; i < 150; i++)
            {
                var near = _pins[random.Next(_pins.Count)];
                var lat = near.Lat + (random.NextDouble() - 0.5) * 0.02;
                var lon = near.Lon + (random.NextDouble() - 0.5) * 0.02;
                var k = 1 + random.Next(40);
                var expected = _pins.Select(p => (p.Id, DistanceM: Geodesy.DistanceMeters(lat, lon, p.Lat, p.Lon)))
                    .OrderBy(p => p.DistanceM).ThenBy(p => p.Id).Take(k).ToList();
                var url = string.Create(CultureInfo.InvariantCulture, $"/api/stations/nearest?lat={lat:R}&lon={lon:R}&k={k}");
                var answer = await _paths.ClientFor(path).GetFromJsonAsync<NearestResponseDto>(url);
                Assert.True(expected.Select(e => e.Id).SequenceEqual(answer!.Items.Select(item => item.Id)),
                    $"{path} {url}: expected {string.Join(",", expected.Select(e => e.Id))}, got {string.Join(",", answer.Items.Select(item => item.Id))} (seed 2101, query {i})");
                compared++;
            }
        }
        Assert.Equal(300, compared);
    }

    [Fact]
    public async Task The_bbox_list_holds_each_place_once()
    {
        var (west, south, east, north) = (115.4, 39.4, 117.6, 41.1);
        var expected = _pins.Where(p => p.Lon >= west && p.Lon <= east && p.Lat >= south && p.Lat <= north).Select(p => p.Id).Order().ToList();
        var ids = new List<long>();
        string? next = string.Create(CultureInfo.InvariantCulture, $"/api/stations?bbox={west},{south},{east},{north}&limit=5000");
        while (next is not null)
        {
            var page = await _client.GetFromJsonAsync<JsonElement>(next);
            ids.AddRange(page.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetInt64()));
            next = page.GetProperty("next").ValueKind == JsonValueKind.String ? page.GetProperty("next").GetString() : null;
        }
        Assert.True(expected.Count > 1000);
        Assert.Equal(expected, ids.Order().ToList());
    }

    [Fact]
    public async Task Search_answers_pins_only_each_place_once_and_finds_a_pin_by_its_name()
    {
        var pins = _pins.ToDictionary(p => p.Id);
        var random = new Random(2117);
        var found = 0;
        // Pins' names, and the names of records a pin hides (another source's spelling of the same station).
        var queries = Enumerable.Range(0, 60).Select(_ => _pins[random.Next(_pins.Count)].Name)
            .Concat(_hidden.Values.OrderBy(h => h.PlaceId).Where((_, i) => i % 97 == 0).Take(60).Select(h => h.Name));
        foreach (var name in queries)
        {
            var (lat, lon) = (39.9 + random.NextDouble() * 0.2, 116.3 + random.NextDouble() * 0.2);
            var url = string.Create(CultureInfo.InvariantCulture, $"/api/stations/search?q={Uri.EscapeDataString(name)}&lat={lat:R}&lon={lon:R}&limit=50");
            var answer = await _client.GetFromJsonAsync<JsonElement>(url);
            var ids = answer.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
            Assert.All(ids, id => Assert.False(_hidden.ContainsKey(id), $"{url}: record {id} is hidden behind its place's pin"));
            Assert.All(ids, id => Assert.True(pins.ContainsKey(id), $"{url}: {id} is no live pin"));
            var places = ids.Select(id => pins[id].PlaceId).ToList();
            Assert.Equal(places.Count, places.Distinct().Count());
            var sameName = _pins.Where(p => p.Name == name).Select(p => p.Id).ToHashSet();
            if (sameName.Count > 0 && sameName.Count <= 10)
            {
                // An exact name ranks above partial matches: every pin of that name is in the answer.
                Assert.True(sameName.IsSubsetOf(ids), $"{url}: pins named so {string.Join(",", sameName)} missing from {string.Join(",", ids)}");
                found++;
            }
        }
        Assert.True(found >= 30, $"only {found} queries named a pin of a rare name: the set does not test finding");
    }

    [Fact]
    public async Task The_tiles_count_each_place_once_and_draw_its_pin()
    {
        // At zoom 5 two tiles hold all of Beijing: their counts add up to every place.
        var total = 0L;
        foreach (var tile in TileClient.Covering(115.4, 39.4, 117.6, 41.1, 5))
        {
            total += (await TileClient.GetAsync(_client, tile)).Count;
        }
        Assert.Equal(_pins.Count, total);

        // At zoom 14 every station is drawn: over central Beijing, exactly the pins there.
        var pinIds = _pins.Select(p => p.Id).ToHashSet();
        var drawn = new List<long>();
        foreach (var tile in TileClient.Covering(116.38, 39.90, 116.42, 39.93, 14))
        {
            drawn.AddRange((await TileClient.GetAsync(_client, tile)).StationIds);
        }
        Assert.NotEmpty(drawn);
        Assert.All(drawn, id => Assert.Contains(id, pinIds));
        Assert.Equal(drawn.Count, drawn.Distinct().Count());
    }

    [Fact]
    public async Task The_card_lists_the_places_sources_with_its_pin_first()
    {
        await using var command = database.Store.Write.CreateCommand("""
            SELECT s.id FROM station s WHERE s.retired_at IS NULL AND NOT s.pin
              AND (SELECT count(*) FROM station m WHERE m.place_id = s.place_id) = 3
            ORDER BY s.id LIMIT 1
            """);
        var hidden = (long)(await command.ExecuteScalarAsync())!;
        var card = await _client.GetFromJsonAsync<JsonElement>($"/api/stations/{hidden}");
        var sources = card.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(3, sources.Count);
        Assert.Equal(3, sources.Select(s => s.GetProperty("source").GetString()).Distinct().Count());
        Assert.True(sources[0].GetProperty("pin").GetBoolean());
        Assert.Equal(sources[0].GetProperty("id").GetInt64(), card.GetProperty("pinId").GetInt64());
        Assert.NotEqual(hidden, card.GetProperty("pinId").GetInt64());
        Assert.Contains(sources, s => s.GetProperty("id").GetInt64() == hidden && !s.GetProperty("pin").GetBoolean());
        Assert.Contains(_pins, p => p.Id == card.GetProperty("pinId").GetInt64());

        var missing = await _client.GetAsync("/api/stations/999999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
