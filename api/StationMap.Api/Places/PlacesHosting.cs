using StationMap.Store.Places;

namespace StationMap.Api.Places;

/// <summary>Services of places: the review queue and operators' decisions.</summary>
public static class PlacesHosting
{
    public static WebApplicationBuilder AddPlaces(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PlaceQueries>();
        return builder;
    }
}
