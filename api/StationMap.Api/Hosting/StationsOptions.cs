using System.ComponentModel.DataAnnotations;

namespace StationMap.Api.Hosting;

/// <summary>Limits of the stations endpoints.</summary>
public sealed class StationsOptions
{
    public const string Section = "Stations";

    /// <summary>At most this many features in one bbox answer; more sets <c>truncated</c>.</summary>
    [Range(1, 100_000)]
    public int BoundingBoxLimit { get; set; } = 5000;
}
