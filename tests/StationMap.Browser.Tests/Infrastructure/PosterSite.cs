namespace StationMap.Browser.Tests.Infrastructure;

/// <summary>The map site with its public address configured, as a deployment that prints door posters has it.</summary>
public sealed class PosterSite : MapSite
{
    public const string PublicBaseUrl = "https://stationmap.example.cn";

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Checkins:PublicBaseUrl"] = PublicBaseUrl,
    };
}
