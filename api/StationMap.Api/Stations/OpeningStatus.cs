using StationMap.Domain.Hours;

namespace StationMap.Api.Stations;

/// <summary>Open or closed at an instant, as the API reports it; unknown when the hours cannot be read.</summary>
public readonly record struct OpeningStatus(bool? OpenNow, NextChange? NextChange)
{
    public static OpeningStatus At(OpeningHours? hours, DateTimeOffset now)
    {
        if (hours is null)
        {
            return default;
        }
        var state = hours.StateAt(now);
        var next = state.NextChange is { } at ? new NextChange(at, state.Describe(now)) : null;
        return new OpeningStatus(state.IsOpen, next);
    }
}
