using System.ComponentModel.DataAnnotations;

namespace StationMap.Api.Stations;

/// <summary>Limits of the stations endpoints.</summary>
public sealed class StationsOptions
{
    public const string Section = "Stations";

    /// <summary>At most this many stations in one page of a bbox answer (and the page size when the client gives no <c>limit</c>); clusters cap their cells at it too.</summary>
    [Range(1, Domain.Queries.InViewQuery.MaxLimit)]
    public int BoundingBoxLimit { get; set; } = 5000;

    /// <summary>
    /// Without the in-memory index (before it loads, or with <c>Nearest:Path=Database</c>) a bbox or clusters request
    /// is answered by PostGIS only for a box holding at most this many live stations (422 for more, whatever the
    /// filters). At 1,000,000 stations a box of 16,000 took 0.2-0.5 s (5,000 features out); the map's views below zoom 11 are
    /// clusters, which the index answers.
    /// </summary>
    [Range(1, 1_000_000)]
    public int DatabaseMaxStations { get; set; } = 20_000;
}
