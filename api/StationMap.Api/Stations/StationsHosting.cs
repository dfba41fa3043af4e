using StationMap.Api.Stations.Nearest;
using StationMap.Api.Stations.Search;
using StationMap.Store.Stations;

namespace StationMap.Api.Stations;

/// <summary>Services of the stations feature: the store's station queries, the in-memory index and its sync, nearest, search.</summary>
public static class StationsHosting
{
    public static WebApplicationBuilder AddStations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StationsOptions>().BindConfiguration(StationsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<NearestOptions>().BindConfiguration(NearestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StationQueries>();
        services.AddSingleton<StationsInView>();
        services.AddSingleton<StationSnapshots>();
        services.AddSingleton<LiveStationIndex>();
        services.AddHostedService<StationIndexSync>();
        services.AddSingleton<DatabaseNearestSearch>();
        services.AddSingleton<NearestStationSearch>();
        services.AddSingleton<StationTextSearch>();
        services.AddSingleton<OpeningHoursCache>();
        return builder;
    }
}
