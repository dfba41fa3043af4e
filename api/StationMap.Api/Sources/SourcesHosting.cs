using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;
using StationMap.Api.Infrastructure;
using StationMap.Api.Security;
using StationMap.Store;
using StationMap.Store.Sources;

namespace StationMap.Api.Sources;

/// <summary>Hangfire on PostgreSQL (its own schema in our database), the refresh schedule and the dashboard.</summary>
public static class SourcesHosting
{
    public const string DashboardPath = "/hangfire";

    public static WebApplicationBuilder AddSources(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RefreshOptions>().BindConfiguration(RefreshOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<RefreshOptions>, RefreshOptionsValidator>();
        services.AddOptions<HangfireServerOptions>().BindConfiguration(HangfireServerOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // The storage is built here rather than through GlobalConfiguration so that several hosts in one process
        // (the tests start two) each talk to their own database.
        services.AddSingleton(sp => new HangfireConnections(StationDatabase.ResolveConnectionString(sp.GetRequiredService<IConfiguration>())));
        services.AddSingleton<JobStorage>(sp => new PostgreSqlStorage(
            sp.GetRequiredService<HangfireConnections>(),
            new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = TimeSpan.FromSeconds(1),
                // A job fetched by a server that then lost the database (a failover) is fetched again after this, not
                // after the default 30 minutes; the fetching server extends it while the job runs, however long.
                InvisibilityTimeout = TimeSpan.FromMinutes(5),
                UseSlidingInvisibilityTimeout = true,
                // Hangfire's own locks (the recurring-job scheduler's, state changes) are rows that their holder
                // deletes; one left behind by a holder that lost the primary blocks its resource this long, not 10 min.
                DistributedLockTimeout = TimeSpan.FromMinutes(1),
            }));
        // Registered before AddHangfire, which only adds its own provider when none is there.
        services.AddSingleton<IJobFilterProvider>(sp => new RefreshJobFilters(sp.GetRequiredService<IOptions<RefreshOptions>>().Value));
        services.AddHangfire((sp, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>())));

        var server = builder.Configuration.GetSection(HangfireServerOptions.Section).Get<HangfireServerOptions>() ?? new();
        if (server.Enabled)
        {
            services.AddHangfireServer((sp, options) =>
            {
                options.WorkerCount = server.WorkerCount;
                options.SchedulePollingInterval = TimeSpan.FromSeconds(server.SchedulePollingIntervalSeconds);
            });
        }
        services.AddHostedService<RefreshSchedule>();
        services.AddSingleton<SourceStates>();
        services.AddSingleton<SourceFeed>();
        services.AddSingleton<FeedImport>();
        services.AddTransient<SourceRefreshJob>();
        // The dashboard checks a token from IAntiforgery on its posts (retry, delete, trigger) whenever the service exists.
        services.AddAntiforgery();
        services.AddHttpClient(SourceFeed.HttpClientName)
            .AddStandardResilienceHandler(resilience =>
            {
                var attempt = TimeSpan.FromSeconds(builder.Configuration.GetValue($"{RefreshOptions.Section}:HttpTimeoutSeconds", 60));
                resilience.AttemptTimeout.Timeout = attempt;
                // Hangfire retries a failed refresh with its own back-off; one quick retry here covers a dropped connection.
                resilience.Retry.MaxRetryAttempts = 1;
                resilience.Retry.Delay = TimeSpan.FromSeconds(1);
                resilience.TotalRequestTimeout.Timeout = attempt * 2 + TimeSpan.FromSeconds(5);
                resilience.CircuitBreaker.SamplingDuration = attempt * 2;
            });
        return builder;
    }

    public static WebApplication MapRefreshDashboard(this WebApplication app)
    {
        app.UseDashboardStatsGuard();
        // No Hangfire authorization filters: the endpoint's operator policy decides, on loopback too.
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions { Authorization = [], AsyncAuthorization = [] },
                app.Services.GetRequiredService<JobStorage>())
            .RequireAuthorization(OperatorPolicies.Operator);
        return app;
    }
}
