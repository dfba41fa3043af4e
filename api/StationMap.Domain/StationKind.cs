namespace StationMap.Domain;

/// <summary>What kind of rest stop a station is. The wire names are the ones stored in the database.</summary>
public enum StationKind
{
    WarmStation,
    WorkersHome,
    CheckpointRestStop,
}

/// <summary>Wire names of <see cref="StationKind"/> (<c>warm_station</c>, <c>workers_home</c>, <c>checkpoint_rest_stop</c>).</summary>
public static class StationKinds
{
    private static readonly string[] Names = ["warm_station", "workers_home", "checkpoint_rest_stop"];

    public static IReadOnlyList<string> WireNames => Names;

    public static string ToWire(this StationKind kind) => Names[(int)kind];

    public static bool TryParse(string? text, out StationKind kind)
    {
        var index = Array.IndexOf(Names, text?.Trim().ToLowerInvariant());
        kind = index < 0 ? default : (StationKind)index;
        return index >= 0;
    }
}
