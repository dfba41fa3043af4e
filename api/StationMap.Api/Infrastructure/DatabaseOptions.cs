using System.ComponentModel.DataAnnotations;

namespace StationMap.Api.Infrastructure;

/// <summary>Database behaviour of the API process (the connection string itself is <c>ConnectionStrings:StationMap</c>).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending migrations before serving; off for replicas whose schema is managed elsewhere.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// PostgreSQL's <c>statement_timeout</c> on the public read data source, in milliseconds (0: none): the backstop
    /// behind each endpoint's own cap. A request that hits it is answered 503 with <c>Retry-After</c>. Imports,
    /// migrations, Hangfire and planning runs do not get it.
    /// </summary>
    [Range(0, 600_000)]
    public int ReadStatementTimeoutMs { get; set; } = 2000;

    /// <summary>The <c>Retry-After</c> (seconds) of a 503 answered while the database is down or timing out.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 5;
}
