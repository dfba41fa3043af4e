using StationMap.Store.Routes;

namespace StationMap.Api.Routes;

/// <summary>Services of the route-stops feature.</summary>
public static class RoutesHosting
{
    public static WebApplicationBuilder AddRoutes(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RouteQueries>();
        builder.Services.AddSingleton<RouteStopSearch>();
        return builder;
    }
}
