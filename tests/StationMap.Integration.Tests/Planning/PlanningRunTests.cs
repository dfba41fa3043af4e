using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StationMap.Api.Planning;
using StationMap.Integration.Tests.Infrastructure;
using StationMap.Store.Operators;

namespace StationMap.Integration.Tests.Planning;

/// <summary><c>/api/planning/runs</c>: who may start one, what is refused, and what a finished run says and exports.</summary>
[Collection(HangfireHosts.Name)]
public sealed class PlanningRunTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private StationMapFactory _factory = null!;
    private HttpClient _client = null!;
    private HttpClient _planner = null!;
    private string _plannerKey = "";
    private string _operatorKey = "";

    public async Task InitializeAsync()
    {
        _factory = new StationMapFactory(database.ConnectionString);
        _client = _factory.CreateClient();
        var keys = _factory.Services.GetRequiredService<OperatorKeys>();
        _plannerKey = await keys.CreateAsync("planner-runs", "planner", CancellationToken.None);
        _operatorKey = await keys.CreateAsync("operator-runs", "operator", CancellationToken.None);
        _planner = _factory.CreateClient();
        _planner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _plannerKey);
    }

    public async Task DisposeAsync()
    {
        _planner.Dispose();
        await _factory.DisposeAsync();
    }

    private static readonly object FreightRun = new { layer = "freight_drivers", radiusM = 1000, p = 5, solver = "greedy" };

    [Fact]
    public async Task Starting_a_run_needs_a_planner_key()
    {
        var anonymous = await _client.PostAsJsonAsync("/api/planning/runs", FreightRun);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var asOperator = await PostAsync(_operatorKey, FreightRun);
        Assert.Equal(HttpStatusCode.Forbidden, asOperator.StatusCode);

        // A clock in Beijing time must still be stored (timestamptz takes UTC only).
        _factory.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8)));
        var asPlanner = await PostAsync(_plannerKey, FreightRun);
        Assert.Equal(HttpStatusCode.Accepted, asPlanner.StatusCode);
        var accepted = await asPlanner.Content.ReadFromJsonAsync<JsonElement>();
        var id = accepted.GetProperty("id").GetInt64();
        Assert.Equal($"/api/planning/runs/{id}", asPlanner.Headers.Location?.OriginalString);

        var run = await _planner.GetFromJsonAsync<JsonElement>($"/api/planning/runs/{id}");
        Assert.Equal("queued", run.GetProperty("status").GetString());
        Assert.Equal("planner-runs", run.GetProperty("requestedBy").GetString());
        Assert.Equal(5, run.GetProperty("parameters").GetProperty("p").GetInt32());
    }

    [Theory]
    [InlineData("")]
    [InlineData(".geojson")]
    [InlineData(".csv")]
    public async Task A_run_is_read_with_a_planner_or_operator_key_only(string export)
    {
        var path = $"/api/planning/runs/{await StartAsync(FreightRun)}{export}";

        // The run names who asked for it: anonymous readers get nothing, not even whether it exists.
        var anonymous = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.GetAsync("/api/planning/runs/999999" + export)).StatusCode);

        // Unfinished, so exports are 409 to those who may read them.
        var expected = export.Length == 0 ? HttpStatusCode.OK : HttpStatusCode.Conflict;
        Assert.Equal(expected, (await _planner.GetAsync(path)).StatusCode);
        using var asOperator = new HttpRequestMessage(HttpMethod.Get, path);
        asOperator.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _operatorKey);
        Assert.Equal(expected, (await _client.SendAsync(asOperator)).StatusCode);
    }

    public static TheoryData<string, string> BadBodies() => new()
    {
        { """{"layer":"freight_drivers","radiusM":1000,"p":0}""", "p" },
        { """{"layer":"freight_drivers","radiusM":1000,"p":-3}""", "p" },
        { """{"layer":"freight_drivers","radiusM":1000,"p":1000000}""", "p" },
        { """{"layer":"freight_drivers","radiusM":1000}""", "p" },
        { """{"layer":"freight_drivers","radiusM":0,"p":5}""", "radiusM" },
        { """{"layer":"freight_drivers","radiusM":100000,"p":5}""", "radiusM" },
        { """{"layer":"no_such_layer","radiusM":1000,"p":5}""", "layer" },
        { """{"radiusM":1000,"p":5}""", "layer" },
        { """{"layer":"freight_drivers","p":5,"solver":"magic"}""", "solver" },
        { """{"layer":"freight_drivers","p":5,"kind":"hotel"}""", "kind" },
        { """{"layer":"freight_drivers","p":5,"timeLimitSeconds":0}""", "timeLimitSeconds" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_requests_are_400_problems_naming_the_field(string body, string field)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/planning/runs")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _plannerKey);
        var response = await _client.SendAsync(request);

        Assert.True(HttpStatusCode.BadRequest == response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_finished_run_explains_its_sites_and_exports_them()
    {
        var id = await StartAsync(FreightRun);
        await RunJobAsync(id);

        var run = await _planner.GetFromJsonAsync<JsonElement>($"/api/planning/runs/{id}");
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal(1, run.GetProperty("progress").GetDouble());
        var result = run.GetProperty("result");
        Assert.Equal("greedy", result.GetProperty("solver").GetString());
        Assert.Equal("local_optimum", result.GetProperty("status").GetString());
        var sites = result.GetProperty("sites").EnumerateArray().ToList();
        Assert.Equal(5, sites.Count);
        var gains = sites.Select(s => s.GetProperty("marginalGain").GetDouble()).ToList();
        Assert.Equal(gains.OrderDescending(), gains);
        var before = result.GetProperty("coveredBefore").GetDouble();
        Assert.Equal(before + gains.Sum(), result.GetProperty("coveredAfter").GetDouble(), 6);
        Assert.Equal(before + gains.Sum(), sites[^1].GetProperty("coveredAfter").GetDouble(), 6);
        Assert.True(result.GetProperty("bound").GetDouble() >= result.GetProperty("objective").GetDouble());

        // Coverage before the run is what the coverage endpoint says today.
        var coverage = await _client.GetFromJsonAsync<JsonElement>("/api/planning/coverage?layer=freight_drivers&radiusM=1000");
        Assert.Equal(coverage.GetProperty("coveredWeight").GetDouble(), before, 6);

        var geojson = await _planner.GetAsync($"/api/planning/runs/{id}.geojson");
        Assert.Equal("application/geo+json", geojson.Content.Headers.ContentType?.MediaType);
        var features = (await geojson.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(sites.Select(s => s.GetProperty("candidateId").GetInt64()), features.Select(f => f.GetProperty("properties").GetProperty("candidateId").GetInt64()));

        var csv = (await _planner.GetStringAsync($"/api/planning/runs/{id}.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("rank,candidate_id,external_id,name,host_type", csv[0]);
        Assert.Equal(6, csv.Length);
        Assert.StartsWith($"1,{sites[0].GetProperty("candidateId").GetInt64()},", csv[1]);
    }

    [Fact]
    public async Task The_same_request_gives_the_same_sites()
    {
        var request = new { layer = "courier_riders", radiusM = 500, p = 8, solver = "greedy", kind = "warm_station" };
        var first = await StartAsync(request);
        var second = await StartAsync(request);
        await RunJobAsync(first);
        await RunJobAsync(second);

        static async Task<List<long>> SitesAsync(HttpClient client, long id) =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/planning/runs/{id}")).GetProperty("result").GetProperty("sites")
                .EnumerateArray().Select(s => s.GetProperty("candidateId").GetInt64()).ToList();
        Assert.Equal(await SitesAsync(_planner, first), await SitesAsync(_planner, second));
    }

    [Fact]
    public async Task The_exact_solver_proves_its_answer_on_a_small_layer()
    {
        var layer = await RandomPlanningData.InsertDemandAsync(database.DataSources, 31, 150, 3000);
        await InsertCandidatesNearAsync(layer);
        var id = await StartAsync(new { layer, radiusM = 300, p = 3, solver = "exact", timeLimitSeconds = 30 });
        await RunJobAsync(id);

        var result = (await _planner.GetFromJsonAsync<JsonElement>($"/api/planning/runs/{id}")).GetProperty("result");
        Assert.Equal("exact", result.GetProperty("solver").GetString());
        Assert.Equal("optimal", result.GetProperty("status").GetString());
        Assert.Equal(0, result.GetProperty("gap").GetDouble());
        Assert.Equal(result.GetProperty("objective").GetDouble(), result.GetProperty("bound").GetDouble(), 6);
    }

    [Fact]
    public async Task A_hangfire_server_picks_the_run_up_and_finishes_it()
    {
        await using var factory = new StationMapFactory(database.ConnectionString, new Dictionary<string, string?> { ["Hangfire:Server:Enabled"] = "true" });
        using var client = factory.CreateClient();
        var keys = factory.Services.GetRequiredService<OperatorKeys>();
        var key = await keys.CreateAsync("planner-hangfire", "planner", CancellationToken.None);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/planning/runs") { Content = JsonContent.Create(FreightRun) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var accepted = await (await client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        var id = accepted.GetProperty("id").GetInt64();

        var deadline = DateTime.UtcNow.AddSeconds(90);
        string? status = null;
        while (DateTime.UtcNow < deadline)
        {
            status = (await client.GetFromJsonAsync<JsonElement>($"/api/planning/runs/{id}")).GetProperty("status").GetString();
            if (status is "succeeded" or "failed")
            {
                break;
            }
            await Task.Delay(250);
        }
        Assert.Equal("succeeded", status);
    }

    [Fact]
    public async Task Unknown_runs_are_404_and_unfinished_exports_409()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _planner.GetAsync("/api/planning/runs/999999")).StatusCode);
        var id = await StartAsync(FreightRun);
        Assert.Equal(HttpStatusCode.Conflict, (await _planner.GetAsync($"/api/planning/runs/{id}.csv")).StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/planning/runs") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await _client.SendAsync(request);
    }

    private async Task<long> StartAsync(object body)
    {
        var response = await PostAsync(_plannerKey, body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    // The job as Hangfire would call it, without waiting for a server to poll.
    private async Task RunJobAsync(long id)
    {
        using var scope = _factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<PlanningRunJob>().RunAsync(id, CancellationToken.None);
    }

    private async Task InsertCandidatesNearAsync(string layer)
    {
        await using var command = database.DataSources.Write.CreateCommand("""
            INSERT INTO candidate_site (source, external_id, host_type, name, location)
            SELECT @layer, 'c' || g, 'restaurant', 'c' || g,
                   ST_SetSRID(ST_MakePoint(104.06 + (random() - 0.5) * 0.03, 30.66 + (random() - 0.5) * 0.027), 4326)
            FROM generate_series(1, 12) g
            """);
        command.Parameters.AddWithValue("layer", layer);
        await command.ExecuteNonQueryAsync();
    }
}
