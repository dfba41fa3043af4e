using StationMap.Domain.Geo;
using StationMap.Domain.Hours;

namespace StationMap.Api.Stations;

/// <summary>Open or closed at an instant, as the API reports it; unknown when the hours cannot be read or evaluated.</summary>
public readonly record struct OpeningStatus(bool? OpenNow, NextChange? NextChange)
{
    /// <param name="hours">The station's parsed hours, or null when it has none that parse.</param>
    /// <param name="now">The instant.</param>
    /// <param name="place">The station's position, for hours with sunrise or sunset.</param>
    public static OpeningStatus At(OpeningHours? hours, DateTimeOffset now, LatLon place)
    {
        if (hours?.StateAt(now, place) is not { } state)
        {
            return default;
        }
        var next = state.NextChange is { } at ? new NextChange(at, state.Describe(now)) : null;
        return new OpeningStatus(state.IsOpen, next);
    }
}
