namespace StationMap.Browser.Tests.Infrastructure;

/// <summary>The map site with a Hangfire server, so that planning runs started from the page finish.</summary>
public sealed class PlannerMapSite : MapSite
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Hangfire:Server:Enabled"] = "true",
    };
}
