using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StationMap.Integration.Tests.Api;
using StationMap.Integration.Tests.Infrastructure;
using static StationMap.Integration.Tests.Checkins.CheckinClient;

namespace StationMap.Integration.Tests.Checkins;

/// <summary>
/// What a check-in keeps: no position (a far one is refused, and neither the table nor the log has it), no raw device
/// id, no address; and what it refuses, naming the field.
/// </summary>
public sealed class CheckinPrivacyTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _host = null!;
    private StationMapFactory _factory = null!;
    private HttpClient _client = null!;
    private NearestItemDto _station = null!;

    public async Task InitializeAsync()
    {
        _factory = new StationMapFactory(database.ConnectionString, new Dictionary<string, string?>
        {
            ["Checkins:LimitsEnabled"] = "false",
            // Everything the API logs, down to debug, goes to the capture.
            ["Logging:LogLevel:Default"] = "Debug",
        });
        _host = _factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(_logs)));
        _client = _host.CreateClient();
        _station = (await _client.GetFromJsonAsync<NearestResponseDto>("/api/stations/nearest?lat=39.9087&lon=116.3975&k=1"))!.Items[0];
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task A_check_in_from_5_km_away_is_refused_and_its_position_is_kept_nowhere()
    {
        // About 5 km north, written with digits no station has, so any trace of it can be found.
        var lat = _station.Lat + 0.0450137;
        var lon = _station.Lon + 0.0003917;
        var device = NewDevice();
        var response = await PostAsync(_client, _station.Id, device, "visited", lat, lon);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("lat", out _));
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(F(lat)[..7], body, StringComparison.Ordinal);

        // A near one is kept: without a position, device id or address in any column.
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(_client, _station.Id, device, "visited", _station.Lat + 0.0001, _station.Lon)).StatusCode);
        await using var rows = database.DataSources.Read.CreateCommand("SELECT row_to_json(c)::text FROM checkin c");
        var stored = new List<string>();
        await using (var reader = await rows.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stored.Add(reader.GetString(0));
            }
        }
        Assert.Single(stored);
        await using var columns = database.DataSources.Read.CreateCommand(
            "SELECT string_agg(column_name, ',') FROM information_schema.columns WHERE table_name = 'checkin'");
        var names = (string)(await columns.ExecuteScalarAsync())!;
        Assert.DoesNotContain("lat", names, StringComparison.Ordinal);
        Assert.DoesNotContain("location", names, StringComparison.Ordinal);
        Assert.DoesNotContain("address", names, StringComparison.Ordinal);
        foreach (var trace in new[] { F(lat)[..7], F(lon)[..8], device, F(_station.Lat + 0.0001)[..7] })
        {
            Assert.DoesNotContain(stored, row => row.Contains(trace, StringComparison.Ordinal));
            Assert.DoesNotContain(_logs.Lines, line => line.Contains(trace, StringComparison.Ordinal));
        }
        Assert.NotEmpty(_logs.Lines);
    }

    [Theory]
    [InlineData("""{"kind":"napping"}""", "kind")]
    [InlineData("""{}""", "kind")]
    [InlineData("""{"kind":"amenity_missing"}""", "amenity")]
    [InlineData("""{"kind":"amenity_missing","amenity":"jacuzzi"}""", "amenity")]
    [InlineData("""{"kind":"visited","amenity":"toilet"}""", "amenity")]
    [InlineData("""{"kind":"visited","comment":"加微信 abc123 领红包"}""", "comment")]
    [InlineData("""{"kind":"visited","comment":"热水没了，打 138 1234 5678"}""", "comment")]
    [InlineData("""{"kind":"visited","comment":"see https://spam.example"}""", "comment")]
    [InlineData("""{"kind":"visited","lat":39.9}""", "lon")]
    [InlineData("""{"kind":"visited","lat":91,"lon":116}""", "lat")]
    [InlineData("""{"kind":"visited","where":"here"}""", "where")]
    [InlineData("""["visited"]""", "body")]
    public async Task A_bad_check_in_is_a_400_naming_the_field(string body, string field)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/stations/{_station.Id}/checkins")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Device-Id", NewDevice());
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("short")]
    [InlineData("has spaces in it, which no uuid has")]
    public async Task A_check_in_without_a_well_formed_device_id_is_a_400_naming_the_header(string? device)
    {
        var response = await PostAsync(_client, _station.Id, device, "visited", _station.Lat, _station.Lon);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("X-Device-Id", out _));
    }

    [Fact]
    public async Task An_unknown_station_is_a_404()
    {
        var response = await PostAsync(_client, 987_654_321, NewDevice(), "visited", 39.9, 116.4);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
