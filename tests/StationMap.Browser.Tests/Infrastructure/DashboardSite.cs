namespace StationMap.Browser.Tests.Infrastructure;

/// <summary>The map site with one configured source, so the dashboard has a recurring refresh job to show.</summary>
public sealed class DashboardSite : MapSite
{
    public const string Source = "dashboard-feed";

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Refresh:Sources:0:Name"] = Source,
        ["Refresh:Sources:0:Location"] = "/nonexistent/dashboard-feed.csv",
    };
}
