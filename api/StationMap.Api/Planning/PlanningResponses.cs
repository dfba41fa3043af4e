using System.Text.Json;
using StationMap.Api.Infrastructure;
using StationMap.Domain.Planning;
using StationMap.Store.Planning;

namespace StationMap.Api.Planning;

/// <summary>The answer of <c>GET /api/planning/coverage</c>.</summary>
/// <param name="Uncovered">Uncovered demand summed on a grid, as a GeoJSON FeatureCollection of cells.</param>
public sealed record CoverageResponse(
    string Layer,
    double RadiusM,
    IReadOnlyList<string> Kinds,
    double CellM,
    double TotalWeight,
    double CoveredWeight,
    double Share,
    int Points,
    int CoveredPoints,
    IReadOnlyList<DistrictCoverage> Districts,
    FeatureCollection<PolygonGeometry, CellProperties> Uncovered);

/// <summary>Uncovered demand summed on a grid.</summary>
public static class CellFeatures
{
    public static FeatureCollection<PolygonGeometry, CellProperties> From(IEnumerable<DemandCell> cells) =>
        new([.. cells.Select(c => new Feature<PolygonGeometry, CellProperties>(
            PolygonGeometry.Box(c.MinLon, c.MinLat, c.MaxLon, c.MaxLat), new CellProperties(c.Weight, c.Points)))]);
}

public sealed record CellProperties(double Weight, int Points);

/// <summary>The demand layers that coverage and runs can use.</summary>
public sealed record LayersResponse(IReadOnlyList<DemandLayer> Layers);

/// <summary>The answer of <c>POST /api/planning/runs</c>.</summary>
public sealed record RunAccepted(long Id, string Status, string Location);

/// <summary>A planning run: what was asked, how far it is, and its answer once it has succeeded.</summary>
public sealed record RunResponse(
    long Id, string Status, double Progress, JsonElement Parameters, PlanningResult? Result, string? Error, string? RequestedBy,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt)
{
    public static RunResponse From(PlanningRun run) => new(
        run.Id, run.Status, run.Progress, JsonDocument.Parse(run.ParametersJson).RootElement,
        run.ResultJson is null ? null : JsonSerializer.Deserialize<PlanningResult>(run.ResultJson, PlanningResult.Json),
        run.Error, run.RequestedBy, run.CreatedAt, run.StartedAt, run.FinishedAt);
}
