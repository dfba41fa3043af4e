namespace StationMap.Api.Hosting;

/// <summary>Database behaviour of the API process (the connection string itself is <c>ConnectionStrings:StationMap</c>).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending migrations before serving; off for replicas whose schema is managed elsewhere.</summary>
    public bool MigrateOnStart { get; set; } = true;
}
