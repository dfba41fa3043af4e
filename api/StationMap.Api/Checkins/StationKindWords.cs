using StationMap.Domain;

namespace StationMap.Api.Checkins;

/// <summary>Station kinds in the words the map's Chinese interface uses (map-client/src/i18n.ts), for what the server writes in Chinese.</summary>
public static class StationKindWords
{
    public static string Chinese(StationKind kind) => kind switch
    {
        StationKind.WarmStation => "暖心驿站",
        StationKind.WorkersHome => "职工之家",
        StationKind.CheckpointRestStop => "检查站休息点",
        _ => kind.ToWire(),
    };

    /// <summary>The words for a kind's wire name (<c>warm_station</c>); the name itself when it is not a kind.</summary>
    public static string Chinese(string wireName) => StationKinds.TryParse(wireName, out var kind) ? Chinese(kind) : wireName;
}
