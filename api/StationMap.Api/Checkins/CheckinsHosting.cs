using Microsoft.Extensions.Options;
using StationMap.Store;
using StationMap.Store.Checkins;

namespace StationMap.Api.Checkins;

/// <summary>
/// Services of check-ins: the store, device keys, the check-in limits, the status board with its sync, moderation and
/// the nightly retention job.
/// </summary>
public static class CheckinsHosting
{
    public static WebApplicationBuilder AddCheckins(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CheckinOptions>().BindConfiguration(CheckinOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider =>
        {
            var board = provider.GetRequiredService<StationStatusBoard>();
            var time = provider.GetRequiredService<TimeProvider>();
            var options = provider.GetRequiredService<IOptions<CheckinOptions>>().Value;
            return new CheckinStore(
                provider.GetRequiredService<StationDataSources>(), options.GatherWindow, (id, status) => board.Set(id, status, time.GetUtcNow()));
        });
        services.AddSingleton<StatusQueries>();
        services.AddSingleton<ModerationQueries>();
        services.AddSingleton<DeviceKeys>();
        services.AddSingleton<CheckinLimits>();
        services.AddSingleton<StationStatusBoard>();
        services.AddHostedService<StationStatusSync>();
        services.AddSingleton<CheckinRetention>();
        services.AddTransient<CheckinRetentionJob>();
        services.AddHostedService<CheckinRetentionSchedule>();
        return builder;
    }
}
