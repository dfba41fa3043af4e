namespace StationMap.Import;

/// <summary>What a file holds, and so which table it merges into.</summary>
public enum ImportTarget
{
    /// <summary>Stations (the default).</summary>
    Stations,

    /// <summary>Police/highway checkpoints (<c>checkpoint</c>): incremental only, they have no retired state.</summary>
    Checkpoints,

    /// <summary>Weighted demand points of a planning layer (<c>demand_point</c>).</summary>
    Demand,

    /// <summary>Candidate host sites for new stations (<c>candidate_site</c>).</summary>
    Candidates,
}

/// <summary>Wire names of <see cref="ImportTarget"/>.</summary>
public static class ImportTargets
{
    private static readonly string[] Names = ["stations", "checkpoints", "demand", "candidates"];

    public static IReadOnlyList<string> WireNames => Names;

    public static string ToWire(this ImportTarget target) => Names[(int)target];

    public static bool TryParse(string? text, out ImportTarget target)
    {
        var index = Array.IndexOf(Names, text?.Trim().ToLowerInvariant());
        target = index < 0 ? default : (ImportTarget)index;
        return index >= 0;
    }
}
