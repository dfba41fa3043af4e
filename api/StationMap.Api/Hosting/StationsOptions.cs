using System.ComponentModel.DataAnnotations;

namespace StationMap.Api.Hosting;

/// <summary>Limits of the stations endpoints.</summary>
public sealed class StationsOptions
{
    public const string Section = "Stations";

    /// <summary>At most this many features in one bbox answer; more sets <c>truncated</c>.</summary>
    [Range(1, 100_000)]
    public int BoundingBoxLimit { get; set; } = 5000;

    /// <summary>
    /// Without the in-memory index (before it loads, or with <c>Nearest:Path=Database</c>) a bbox or clusters request
    /// reads at most this many stations from PostGIS and answers 422 for a box holding more.
    /// </summary>
    [Range(1, 1_000_000)]
    public int DatabaseMaxStations { get; set; } = 100_000;
}
