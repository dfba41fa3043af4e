using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StationMap.Integration.Tests.Infrastructure;
using StationMap.Store;
using StationMap.Store.Operators;

namespace StationMap.Integration.Tests.Ogc;

/// <summary>
/// The API on a real Kestrel socket over its own copy of the demo data, for clients in other processes (GDAL), with a
/// planner's key and a count of the requests each path got (to see that a client really paged).
/// </summary>
public sealed class OgcSite : IAsyncLifetime
{
    private string _database = "";
    private SiteFactory _factory = null!;

    /// <summary>The OGC API's root as GDAL is given it, e.g. http://127.0.0.1:41234/ogc.</summary>
    public string Root { get; private set; } = "";

    public HttpClient Client { get; private set; } = null!;

    public StationDataSources DataSources { get; private set; } = null!;

    public string PlannerKey { get; private set; } = "";

    /// <summary>Requests per path (without its query) since the site started.</summary>
    public ConcurrentDictionary<string, int> Requests => _factory.Requests;

    public async Task InitializeAsync()
    {
        _database = await TestDatabases.CreateWithDemoDataAsync("ogc");
        DataSources = new StationDataSources(TestDatabases.ConnectionStringFor(_database));
        // GDAL pages from the loopback address, which would otherwise share one rate limit budget with every test here.
        _factory = new SiteFactory(TestDatabases.ConnectionStringFor(_database), new Dictionary<string, string?> { ["RateLimits:ExemptLoopback"] = "true" });
        _factory.UseKestrel(0);
        _factory.StartServer();
        Client = new HttpClient { BaseAddress = _factory.ClientOptions.BaseAddress };
        Root = new Uri(_factory.ClientOptions.BaseAddress, "/ogc").ToString();
        PlannerKey = await _factory.Services.GetRequiredService<OperatorKeys>().CreateAsync("ogc-gdal", "planner", CancellationToken.None);
        await NearestIndexProbe.WaitUntilCurrentAsync(Client, DataSources.Write, TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        await DataSources.DisposeAsync();
        await TestDatabases.DropAsync(_database);
    }

    private sealed class SiteFactory(string connectionString, IReadOnlyDictionary<string, string?> settings) : StationMapFactory(connectionString, settings)
    {
        public ConcurrentDictionary<string, int> Requests { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new CountingFilter(Requests)));
        }
    }

    private sealed class CountingFilter(ConcurrentDictionary<string, int> requests) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate following) =>
            {
                requests.AddOrUpdate(context.Request.Path.Value ?? "", 1, (_, n) => n + 1);
                return following(context);
            });
            next(app);
        };
    }
}
