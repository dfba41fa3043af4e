using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace StationMap.Integration.Tests.Infrastructure;

/// <summary>The real API in memory, on a given test database; a test that needs more of the host derives from it.</summary>
public class StationMapFactory(string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    /// <summary>The clock the API sees; pinned so "open now" answers are deterministic.</summary>
    public PinnedClock Time { get; } = new(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The test's own database instead of the developer's run database.
        builder.UseSetting("ConnectionStrings:StationMap", connectionString);
        builder.UseEnvironment("Testing");
        // Only the job tests need a Hangfire server; idle servers in every other test just poll the database.
        builder.UseSetting("Hangfire:Server:Enabled", "false");
        // An in-process request has no address and counts as loopback: without the exemption every test class shares
        // one address's budget, and its area and route requests queue for tokens (half a second each once the burst
        // is spent). The rate limit tests turn it off.
        builder.UseSetting("RateLimits:ExemptLoopback", "true");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            // Tests decide what time it is.
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });
    }
}
