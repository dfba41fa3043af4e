using System.ComponentModel.DataAnnotations;

namespace StationMap.Api.Sources;

/// <summary>
/// One data feed the system keeps current by itself: configured once under <c>Sources</c>, refreshed by the
/// recurring job <c>refresh:&lt;name&gt;</c>.
/// </summary>
public sealed class RefreshSourceOptions
{
    /// <summary>The stations' source name in the store (their identity is (source, external id)).</summary>
    [Required, RegularExpression("^[a-z0-9][a-z0-9_.-]{0,62}$", ErrorMessage = "Name must be lowercase letters, digits, '.', '_' or '-'")]
    public string Name { get; set; } = "";

    /// <summary>A file path, or an http(s) URL.</summary>
    [Required]
    public string Location { get; set; } = "";

    /// <summary>csv, xlsx, geojson, osm (OpenStreetMap XML) or pbf (OpenStreetMap PBF).</summary>
    [RegularExpression("^(csv|xlsx|geojson|osm|pbf)$")]
    public string Format { get; set; } = "csv";

    /// <summary>The sheet of an xlsx feed; the first visible sheet when null.</summary>
    public string? Sheet { get; set; }

    [RegularExpression("^(wgs84|gcj02|bd09)$")]
    public string Crs { get; set; } = "wgs84";

    [RegularExpression("^(full|incremental)$")]
    public string Mode { get; set; } = "full";

    public string Encoding { get; set; } = "utf-8";

    /// <summary>Optional header-mapping file for CSV and xlsx sources.</summary>
    public string? Mapping { get; set; }

    /// <summary>Cron expression evaluated in Asia/Shanghai; daily at 03:00 by default.</summary>
    [Required]
    public string Cron { get; set; } = "0 3 * * *";

    public bool IsHttp => Location.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || Location.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}

/// <summary>All configured sources and how refreshes behave.</summary>
public sealed class RefreshOptions
{
    public const string Section = "Refresh";

    public List<RefreshSourceOptions> Sources { get; set; } = [];

    /// <summary>How many times Hangfire runs a failed refresh before it gives up.</summary>
    [Range(0, 20)]
    public int Attempts { get; set; } = 3;

    /// <summary>
    /// Back-off before each retry, in seconds (the last value repeats). Null rather than a default array: the
    /// configuration binder appends configured array items to an initialised array instead of replacing it.
    /// </summary>
    public int[]? RetryDelaysSeconds { get; set; }

    public static IReadOnlyList<int> DefaultRetryDelaysSeconds { get; } = [30, 300, 1800];

    public int[] EffectiveRetryDelaysSeconds => RetryDelaysSeconds is { Length: > 0 } delays ? delays : [.. DefaultRetryDelaysSeconds];

    /// <summary>Time limit of one HTTP download attempt (a dropped connection is tried once more).</summary>
    [Range(1, 3600)]
    public int HttpTimeoutSeconds { get; set; } = 60;
}

/// <summary>The Hangfire server of this process.</summary>
public sealed class HangfireServerOptions
{
    public const string Section = "Hangfire:Server";

    /// <summary>False for read-only replicas: they keep serving the API and run no jobs.</summary>
    public bool Enabled { get; set; } = true;

    [Range(1, 64)]
    public int WorkerCount { get; set; } = 2;

    /// <summary>How often the server looks for scheduled jobs (retries wait in that queue).</summary>
    [Range(1, 3600)]
    public int SchedulePollingIntervalSeconds { get; set; } = 15;
}
