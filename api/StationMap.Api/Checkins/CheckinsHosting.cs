using StationMap.Store.Checkins;

namespace StationMap.Api.Checkins;

/// <summary>Services of check-ins: the store, device keys, the check-in limits, and the status board with its sync.</summary>
public static class CheckinsHosting
{
    public static WebApplicationBuilder AddCheckins(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CheckinOptions>().BindConfiguration(CheckinOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CheckinStore>();
        services.AddSingleton<StatusQueries>();
        services.AddSingleton<ModerationQueries>();
        services.AddSingleton<DeviceKeys>();
        services.AddSingleton<CheckinLimits>();
        services.AddSingleton<StationStatusBoard>();
        services.AddHostedService<StationStatusSync>();
        return builder;
    }
}
