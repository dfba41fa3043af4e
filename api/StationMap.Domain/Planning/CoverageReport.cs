namespace StationMap.Domain.Planning;

/// <summary>One demand point and whether an open station covers it.</summary>
public readonly record struct CoveredDemand(long Id, double Lat, double Lon, double Weight, string? District, bool Covered);

/// <summary>Coverage of one district's demand.</summary>
public sealed record DistrictCoverage(string District, double TotalWeight, double CoveredWeight, double Share, int Points, int CoveredPoints);

/// <summary>A grid cell of uncovered demand: its bounds (WGS-84 degrees) and the weight and number of points in it.</summary>
public sealed record DemandCell(double MinLon, double MinLat, double MaxLon, double MaxLat, double Weight, int Points);

/// <summary>
/// How much of a demand layer existing stations cover: in total, per district, and where the uncovered demand is,
/// summed on a grid of cells about <c>cellM</c> metres on a side (for a heat map).
/// </summary>
public sealed record CoverageReport(
    double TotalWeight,
    double CoveredWeight,
    double Share,
    int Points,
    int CoveredPoints,
    IReadOnlyList<DistrictCoverage> Districts,
    IReadOnlyList<DemandCell> UncoveredCells)
{
    /// <summary>District name for demand without one.</summary>
    public const string UnknownDistrict = "(unknown)";

    private const double MetresPerDegreeLat = 111_320;

    /// <summary>
    /// The most heat-map cells a layer's extent may span: 250,000 cells are 100 m cells over 50 km × 50 km, or the
    /// default 1 km cells over 500 km × 500 km. The answer and its work grow with the cells (and the points).
    /// </summary>
    public const double MaxCells = 250_000;

    /// <summary>How many cells of about <paramref name="cellM"/> metres the box spans (at its middle latitude).</summary>
    public static double CellsSpanned(Queries.BoundingBox extent, double cellM)
    {
        var midLat = (extent.MinLat + extent.MaxLat) / 2;
        var cellLat = cellM / MetresPerDegreeLat;
        var cellLon = cellM / (MetresPerDegreeLat * Math.Max(0.01, Math.Cos(midLat * Math.PI / 180)));
        return (Math.Floor(extent.MaxLat / cellLat) - Math.Floor(extent.MinLat / cellLat) + 1)
            * (Math.Floor(extent.MaxLon / cellLon) - Math.Floor(extent.MinLon / cellLon) + 1);
    }

    /// <summary>Summarises <paramref name="demand"/>; cells are anchored at (0°, 0°) so that they line up from one request to the next.</summary>
    public static CoverageReport Build(IReadOnlyList<CoveredDemand> demand, double cellM)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cellM);
        // Cells are square in metres at the layer's latitude, rounded to a whole degree so the grid does not shift
        // when a few points are added.
        var referenceLat = demand.Count == 0 ? 0 : Math.Round(demand.Average(d => d.Lat));
        var cellLat = cellM / MetresPerDegreeLat;
        var cellLon = cellM / (MetresPerDegreeLat * Math.Max(0.01, Math.Cos(referenceLat * Math.PI / 180)));

        double total = 0, covered = 0;
        int coveredPoints = 0;
        var districts = new SortedDictionary<string, (double Total, double Covered, int Points, int CoveredPoints)>(StringComparer.Ordinal);
        var cells = new SortedDictionary<(long Row, long Column), (double Weight, int Points)>();
        foreach (var d in demand)
        {
            total += d.Weight;
            var name = string.IsNullOrWhiteSpace(d.District) ? UnknownDistrict : d.District;
            districts.TryGetValue(name, out var district);
            district.Total += d.Weight;
            district.Points++;
            if (d.Covered)
            {
                covered += d.Weight;
                coveredPoints++;
                district.Covered += d.Weight;
                district.CoveredPoints++;
            }
            else
            {
                var key = ((long)Math.Floor(d.Lat / cellLat), (long)Math.Floor(d.Lon / cellLon));
                cells.TryGetValue(key, out var cell);
                cells[key] = (cell.Weight + d.Weight, cell.Points + 1);
            }
            districts[name] = district;
        }

        return new CoverageReport(
            total, covered, ShareOf(covered, total), demand.Count, coveredPoints,
            districts.Select(p => new DistrictCoverage(p.Key, p.Value.Total, p.Value.Covered, ShareOf(p.Value.Covered, p.Value.Total), p.Value.Points, p.Value.CoveredPoints)).ToList(),
            cells.Select(p => new DemandCell(
                p.Key.Column * cellLon, p.Key.Row * cellLat, (p.Key.Column + 1) * cellLon, (p.Key.Row + 1) * cellLat, p.Value.Weight, p.Value.Points)).ToList());
    }

    private static double ShareOf(double covered, double total) => total > 0 ? covered / total : 0;
}
