using System.Globalization;
using System.Text.Json;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Api.Planning;
using StationMap.Domain.Queries;
using StationMap.Store.Ogc;
using StationMap.Store.Planning;

namespace StationMap.Api.Ogc;

/// <summary>
/// The suggested sites of each succeeded planning run, one collection per run (<c>planning-run-{id}</c>, planner or
/// operator key, like the run itself), ranked: a site's feature id is its rank. Read from the run's stored result,
/// which a later import does not change.
/// </summary>
public sealed class PlanningRunSource(FeatureTables tables, PlanningRuns runs) : FeatureSource<NoQueryables>
{
    public const string IdPrefix = "planning-run-";

    /// <summary>The most runs <c>/ogc/collections</c> lists, newest first; an older run's collection is still there by its id.</summary>
    public const int MaxListed = 100;

    public override string Route => IdPrefix + "{runId:long}";

    public override string IdPattern => IdPrefix + "{id}";

    public override bool IsIdOfItsKind(string collectionId) =>
        collectionId.StartsWith(IdPrefix, StringComparison.Ordinal) && long.TryParse(collectionId[IdPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out _);

    public override string OperationName => "PlanningRun";

    public override bool Keyed => true;

    public override Type PropertiesType => typeof(SuggestedSiteResult);

    public override string ItemsWorstCase =>
        "a run that suggested every candidate site (thousands): its stored result read and filtered in memory, a few ms per thousand sites.";

    public override async Task<IReadOnlyList<CollectionSummary>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await tables.SucceededRunsAsync(MaxListed, cancellationToken)).Select(run => Summary(run.Id, run.ParametersJson, null))];

    public override async Task<CollectionSummary?> DescribeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (run, sites) = await SitesAsync(request, cancellationToken);
        if (run is null || sites is null)
        {
            return null;
        }
        var extent = sites.Count == 0
            ? (BoundingBox?)null
            : new BoundingBox(sites.Min(s => s.Lon), sites.Min(s => s.Lat), sites.Max(s => s.Lon), sites.Max(s => s.Lat));
        return Summary(run.Id, run.ParametersJson, extent);
    }

    public override async Task<Sourced<FeaturePage>> PageAsync(
        HttpRequest request, ItemsRequest items, NoQueryables queryables, CancellationToken cancellationToken)
    {
        var (_, sites) = await SitesAsync(request, cancellationToken);
        if (sites is null)
        {
            return Sourced<FeaturePage>.NotFound;
        }
        var matching = sites.Where(s => items.Boxes.Count == 0 || items.Boxes.Any(b => b.Contains(s.Lat, s.Lon))).ToList();
        var admitted = matching.Where(s => items.Cursor.Admits(s.Rank)).ToList();
        var page = items.Cursor.Backward ? admitted.TakeLast(items.Limit) : admitted.Take(items.Limit);
        return Sourced<FeaturePage>.Found(new FeaturePage([.. page.Select(Feature)], matching.Count, admitted.Count > items.Limit));
    }

    public override async Task<Sourced<SourcedFeature>> ItemAsync(HttpRequest request, long id, CancellationToken cancellationToken)
    {
        var (_, sites) = await SitesAsync(request, cancellationToken);
        return sites?.FirstOrDefault(s => s.Rank == id) is { } site ? Sourced<SourcedFeature>.Found(Feature(site)) : Sourced<SourcedFeature>.NotFound;
    }

    private static SourcedFeature Feature(SuggestedSiteResult site) => new(site.Rank, site.Lat, site.Lon, site);

    // The run the route names and its sites by rank; no sites unless it succeeded.
    private async Task<(PlanningRun? Run, IReadOnlyList<SuggestedSiteResult>? Sites)> SitesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!long.TryParse(request.RouteValues["runId"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || await runs.FindAsync(id, cancellationToken) is not { Status: "succeeded", ResultJson: { } json } run)
        {
            return (null, null);
        }
        var result = JsonSerializer.Deserialize<PlanningResult>(json, PlanningResult.Json)!;
        return (run, [.. result.Sites.OrderBy(s => s.Rank)]);
    }

    private static CollectionSummary Summary(long id, string parametersJson, BoundingBox? extent)
    {
        var parameters = JsonSerializer.Deserialize<PlanningRunParameters>(parametersJson, PlanningResult.Json)!;
        var radius = parameters.RadiusM.ToString("0.##", CultureInfo.InvariantCulture);
        return new CollectionSummary(
            IdPrefix + id.ToString(CultureInfo.InvariantCulture),
            $"规划方案 {id} Planning run {id}",
            $"需求图层 {parameters.Layer}：建议的 {parameters.P} 个新站址，覆盖半径 {radius} 米，按新增覆盖排序。" +
            $"Layer {parameters.Layer}: the {parameters.P} suggested sites covering demand within {radius} m, ranked by the demand each newly covers.",
            extent);
    }
}

/// <summary>A collection whose items take no filter by property.</summary>
public sealed record NoQueryables : IQueryParameters;
