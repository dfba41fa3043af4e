using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StationMap.Integration.Tests.Infrastructure;
using StationMap.Store.Operators;

namespace StationMap.Integration.Tests.Public;

/// <summary>
/// Cost-weighted rate limits by client address, believed from X-Forwarded-For only when the proxy is trusted: a
/// burst beyond the budget is a 429 problem with Retry-After, and other clients (another address, a key, loopback)
/// are unaffected.
/// </summary>
public sealed class RateLimitTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private const string Nearest = "/api/stations/nearest?lat=39.9&lon=116.4&k=3";

    // No refill during a test: a bucket of 10 tokens, one more per hour.
    private static readonly Dictionary<string, string?> SmallBudget = new()
    {
        // In-process requests come from no address, which counts as loopback (the factory exempts it elsewhere).
        ["RateLimits:ExemptLoopback"] = "false",
        ["RateLimits:TokensPerPeriod"] = "1",
        ["RateLimits:Period"] = "01:00:00",
        ["RateLimits:BucketSize"] = "10",
        // Refused at once, not queued until the next token an hour later.
        ["RateLimits:QueueLimit"] = "0",
        // And answered at once: the tests send dozens of refused requests one after another.
        ["RateLimits:RefusalDelay"] = "00:00:00",
        ["RateLimits:KeyBucketSize"] = "1000",
        ["RateLimits:Costs:lookup"] = "1",
        ["RateLimits:Costs:area"] = "5",
        ["RateLimits:Costs:heavy"] = "10",
    };

    private static int _nextAddress;

    private WebApplicationFactoryWithPeer _behindProxy = null!;

    public Task InitializeAsync()
    {
        _behindProxy = new WebApplicationFactoryWithPeer(database.ConnectionString, new(SmallBudget) { ["Network:TrustedProxies:0"] = "127.0.0.1" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _behindProxy.DisposeAsync();

    [Theory]
    [InlineData(Nearest, 10)]
    [InlineData("/api/stations/1", 10)]
    [InlineData("/api/stations?bbox=116.3,39.85,116.5,39.95", 2)]
    [InlineData("/api/stations/clusters?bbox=115.4,39.4,117.5,41.1&zoom=9", 2)]
    [InlineData("/api/planning/coverage?layer=freight_drivers&radiusM=500", 1)]
    public async Task A_client_gets_as_many_requests_as_its_budget_pays_for_then_a_429_problem_with_Retry_After(string path, int accepted)
    {
        var client = _behindProxy.Client(NewAddress());
        for (var i = 0; i < accepted; i++)
        {
            var response = await client.GetAsync(path);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
        }
        await AssertTooManyAsync(await client.GetAsync(path));
    }

    [Fact]
    public async Task A_burst_from_one_address_is_refused_while_another_address_a_key_and_loopback_are_not()
    {
        var address = NewAddress();
        var attacker = _behindProxy.Client(address);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            statuses.Add((await attacker.GetAsync(Nearest)).StatusCode);
        }
        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        await AssertTooManyAsync(await attacker.GetAsync(Nearest));

        Assert.Equal(HttpStatusCode.OK, (await _behindProxy.Client(NewAddress()).GetAsync(Nearest)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _behindProxy.Client(null).GetAsync(Nearest)).StatusCode);

        // The same address with a planner key spends the key's own budget.
        var key = await _behindProxy.Services.GetRequiredService<OperatorKeys>().CreateAsync("limits-planner", "planner", CancellationToken.None);
        var withKey = _behindProxy.Client(address);
        withKey.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await withKey.GetAsync(Nearest)).StatusCode);
        }
    }

    [Fact]
    public async Task Without_a_trusted_proxy_X_Forwarded_For_is_ignored_and_every_sender_counts_as_its_own_address()
    {
        await using var direct = new WebApplicationFactoryWithPeer(database.ConnectionString, new(SmallBudget) { ["RateLimits:ExemptLoopback"] = "false" });
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await direct.Client(NewAddress()).GetAsync(Nearest)).StatusCode);
        }
        // Ten "different" forwarded addresses were one sender: its budget is spent.
        await AssertTooManyAsync(await direct.Client(NewAddress()).GetAsync(Nearest));
    }

    [Fact]
    public async Task Check_ins_have_their_own_limits_per_device_and_per_address_on_top()
    {
        await using var api = new WebApplicationFactoryWithPeer(database.ConnectionString, new(SmallBudget)
        {
            ["Network:TrustedProxies:0"] = "127.0.0.1",
            ["Checkins:DeviceBurst"] = "3",
            ["Checkins:DevicePeriod"] = "01:00:00",
            ["Checkins:AddressBurst"] = "5",
            ["Checkins:AddressPeriod"] = "01:00:00",
        });
        var station = (await api.Client(null).GetFromJsonAsync<JsonElement>("/api/stations/nearest?lat=39.9&lon=116.4&k=1")).GetProperty("items")[0];
        var (id, lat, lon) = (station.GetProperty("id").GetInt64(), station.GetProperty("lat").GetDouble(), station.GetProperty("lon").GetDouble());
        string[] kinds = ["visited", "open_confirmed", "crowded", "closed_now"];

        // One device: three check-ins, then 429, while another device behind the same address goes on.
        var address = NewAddress();
        var device = Checkins.CheckinClient.NewDevice();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await Checkins.CheckinClient.PostAsync(api.Client(address), id, device, kinds[i], lat, lon)).StatusCode);
        }
        await AssertTooManyAsync(await Checkins.CheckinClient.PostAsync(api.Client(address), id, device, kinds[3], lat, lon));
        Assert.Equal(HttpStatusCode.Created,
            (await Checkins.CheckinClient.PostAsync(api.Client(address), id, Checkins.CheckinClient.NewDevice(), "visited", lat, lon)).StatusCode);

        // One address, a new device per check-in: five in all (the four that passed above, the device's refusal took
        // nothing from the address), then 429; another address goes on.
        Assert.Equal(HttpStatusCode.Created,
            (await Checkins.CheckinClient.PostAsync(api.Client(address), id, Checkins.CheckinClient.NewDevice(), "visited", lat, lon)).StatusCode);
        await AssertTooManyAsync(await Checkins.CheckinClient.PostAsync(api.Client(address), id, Checkins.CheckinClient.NewDevice(), "visited", lat, lon));
        Assert.Equal(HttpStatusCode.Created,
            (await Checkins.CheckinClient.PostAsync(api.Client(NewAddress()), id, Checkins.CheckinClient.NewDevice(), "visited", lat, lon)).StatusCode);
    }

    private static async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.TooManyRequests, $"{(int)response.StatusCode}: {body}");
        Assert.True(response.Headers.RetryAfter?.Delta is { } delta && delta >= TimeSpan.FromSeconds(1), "no Retry-After");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
    }

    private static string NewAddress() => $"203.0.113.{Interlocked.Increment(ref _nextAddress) % 250 + 1}";

    /// <summary>
    /// The API with a connection from 127.0.0.1, as through a reverse proxy on the same machine (an in-memory test
    /// server has no peer address at all).
    /// </summary>
    private sealed class WebApplicationFactoryWithPeer(string connectionString, Dictionary<string, string?> settings) : IAsyncDisposable
    {
        private readonly StationMapFactory _factory = new(connectionString, settings);
        private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>? _withPeer;

        public IServiceProvider Services => WithPeer.Services;

        private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> WithPeer =>
            _withPeer ??= _factory.WithWebHostBuilder(builder =>
                builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, LoopbackPeer>()));

        /// <summary>A client whose requests carry <c>X-Forwarded-For: forwardedFor</c> (none when null).</summary>
        public HttpClient Client(string? forwardedFor)
        {
            var client = WithPeer.CreateClient();
            if (forwardedFor is not null)
            {
                client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
            }
            return client;
        }

        public async ValueTask DisposeAsync()
        {
            if (_withPeer is not null)
            {
                await _withPeer.DisposeAsync();
            }
            await _factory.DisposeAsync();
        }
    }

    private sealed class LoopbackPeer : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
