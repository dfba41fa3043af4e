using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using StationMap.Api.Checkins;
using StationMap.Api.Infrastructure;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Api.Stations.Nearest;
using StationMap.Api.Stations.Search;
using StationMap.Domain;
using StationMap.Domain.Nearest;
using StationMap.Domain.Queries;
using StationMap.Store.Checkins;
using StationMap.Store.Places;
using StationMap.Store.Stations;

namespace StationMap.Api.Stations;

/// <summary><c>/api/stations</c>: nearest, search, in view (GeoJSON), one by id.</summary>
public static class StationsApi
{
    public static IEndpointRouteBuilder MapStationsApi(this IEndpointRouteBuilder app)
    {
        var stations = app.MapGroup("/api/stations").WithTags("Stations").CheckQueryParameters();
        var lookups = stations.MapGroup("").RequireRateLimiting(RateLimitPolicies.Lookup);
        var areas = stations.MapGroup("").RequireRateLimiting(RateLimitPolicies.Area);
        lookups.MapGet("/nearest", NearestAsync)
            .WithIndexFreshness()
            .WithName("NearestStations")
            .WithSummary("The k stations nearest to a point, by geodesic distance, with optional filters")
            .WithDescription("Worst case: k=100 with filters few stations pass, or an origin far from every station; from memory ~10 ms at 1,000,000 stations " +
                "(on the database path, Nearest:Path=Database or before the index loads, an origin far from every station took 21 s: the statement timeout is its bound).");
        lookups.MapGet("/search", Search)
            .WithIndexFreshness()
            .WithName("SearchStations")
            .WithSummary("Stations whose name, address, district or host holds the query, best match first; nearer first among equals when a position is given")
            .WithDescription("Text is compared in one form (NFKC, lower case, letters and digits only), and the generic suffixes 暖心驿站, 户外劳动者服务站, 职工之家 and 驿站 are " +
                "dropped from the query. Tiers: the name is the query (4), begins with it (3), holds it (2); the address, district or host holds it (1). Without a " +
                "position: by tier, then the shorter name, then id. With lat/lon: by tier + 1.5 / (1 + distance / 1 km), so a station a few hundred metres away " +
                "passes a farther one of the tier just above, never two tiers up. When no station holds the whole query, those one of whose fields holds at least " +
                "half of its character pairs are answered instead ('partial', by share, then name length or distance). Answered from the in-memory index only: " +
                "503 with Retry-After until it has loaded (or with Nearest:Path=Database). Worst case: a query no station holds whole whose character pairs are " +
                "all common, or one common character asked far from its stations: ~10 ms of CPU at 1,000,000 stations (a typical query 0.1 ms, p99 2.5 ms).");
        areas.MapGet("/", InBoundingBoxAsync)
            .WithName("StationsInBoundingBox")
            .Produces<StationFeatureCollection>(StatusCodes.Status200OK, "application/geo+json")
            .WithSummary("Stations inside a bbox as a GeoJSON FeatureCollection, with nearest's filters, paged by id ('next' links the following page)")
            .WithDescription("A page holds the first 'limit' matching stations (at most 5,000) with an id above 'after'; while more follow, 'next' is the " +
                "URL of the next page (same filters) and 'truncated' is true. A parameter the endpoint does not know is a 400. " +
                "Worst case: the whole world, every station matching, a page of 5,000: 0.13 s of CPU from memory at 1,000,000 stations. " +
                "Without the index a box holding more than Stations:DatabaseMaxStations (20,000) live stations is refused (422).");
        areas.MapGet("/clusters", Clusters)
            .WithName("StationClusters")
            .Produces<StationClusterCollection>(StatusCodes.Status200OK, "application/geo+json")
            .Deprecated(ClustersDeprecatedSince, "the vector tiles GET /tiles/stations/{z}/{x}/{y}.mvt (layers 'clusters' and 'stations'), which cluster from the same index")
            .WithSummary("Stations inside a bbox aggregated on a grid sized for the zoom level (GeoJSON; one point per occupied cell)")
            .WithDescription("A cell is about 64 screen pixels wide. Answered from the in-memory index only: 503 with Retry-After while it is not serving. " +
                "A box spanning more than 100,000 cells is refused (422). Worst case: all of Beijing-Tianjin-Hebei at zoom 12 (86,000 cells, every station): " +
                "0.09 s of CPU from memory at 1,000,000 stations.");
        lookups.MapGet("/{id:long}", ByIdAsync)
            .WithName("StationById")
            .WithSummary("One station in full")
            .WithDescription("Worst case: one primary-key lookup, ~20 ms at 1,000,000 stations, the station's latest approved comments " +
                "(an index scan of its check-ins) and the records of its place (an index scan, at most 50); the week's hours are evaluated in memory " +
                "(seven days, at most ~30 µs for hours with sunrise or sunset).");
        return app;
    }

    internal static async Task<Results<Ok<NearestResponse>, ValidationProblem>> NearestAsync(
        [AsParameters] NearestParameters parameters, [AsParameters] TruckParameters truck, NearestStationSearch search,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await search.FindAsync(parameters.ToQuery(truck), cancellationToken));

    internal static Results<Ok<SearchResponse>, ValidationProblem, ProblemHttpResult> Search(
        [AsParameters] SearchParameters parameters, StationTextSearch search, HttpResponse response)
    {
        if (search.Find(parameters.ToQuery()) is not { } answer)
        {
            return ServiceUnavailableProblem.Result(
                response, 1, "Search is answered from the in-memory station index, which is not loaded (yet); retry shortly.");
        }
        return TypedResults.Ok(answer);
    }

    internal static async Task<Results<JsonHttpResult<StationFeatureCollection>, ValidationProblem, ProblemHttpResult>> InBoundingBoxAsync(
        [AsParameters] InViewParameters parameters, [AsParameters] TruckParameters truck, StationsInView view, HttpRequest request,
        CancellationToken cancellationToken)
    {
        var query = parameters.ToQuery(truck, view.PageLimit);
        var page = await view.PageAsync(query, cancellationToken);
        if (page is null)
        {
            return CostLimitProblem.For(
                "bbox", $"holds more than {view.DatabaseMaxStations} stations, more than the database answers for while the in-memory index is not serving; send a smaller box");
        }
        var next = page is { More: true, LastId: { } last }
            ? NextPageLink.For(request, "after", last.ToString(CultureInfo.InvariantCulture))
            : null;
        return TypedResults.Json(new StationFeatureCollection(page.Features, page.More, query.Limit, next), contentType: "application/geo+json");
    }

    // The day the tiles replaced the clusters (issue 16); the Deprecation header carries it.
    private static readonly DateTimeOffset ClustersDeprecatedSince = new(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);

    internal static Results<JsonHttpResult<StationClusterCollection>, ValidationProblem, ProblemHttpResult> Clusters(
        [AsParameters] ClusterParameters parameters, StationsInView view, HttpResponse response, IOptions<DatabaseOptions> database)
    {
        var box = parameters.Bbox!.Value!.Value;
        var zoom = parameters.Zoom!.Value!.Value;
        var cellDegrees = StationClustering.CellDegreesAt(zoom);
        var cells = StationClustering.CellsSpanned(box, cellDegrees);
        if (cells > StationClustering.MaxCells)
        {
            return CostLimitProblem.For(
                "bbox", $"spans {cells:0} cells at zoom {Math.Floor(zoom):0}, more than the {StationClustering.MaxCells:0} allowed; zoom out or send a smaller box");
        }
        if (view.Clusters(box, QueryKinds.Of(parameters.Kind), cellDegrees) is not { } clusters)
        {
            return ServiceUnavailableProblem.Result(
                response, database.Value.RetryAfterSeconds, "Clusters are answered from the in-memory station index, which is not serving yet; retry later.");
        }
        return TypedResults.Json(clusters, contentType: "application/geo+json");
    }

    // The card shows the latest few; the rest stay in the store.
    private const int CommentsShown = 5;

    internal static async Task<Results<Ok<StationDetail>, ProblemHttpResult>> ByIdAsync(
        long id, StationQueries queries, OpeningHoursCache hours, StationStatusBoard board, ModerationQueries moderation, PlaceQueries places,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var station = await queries.ByIdAsync(id, cancellationToken);
        if (station is null)
        {
            return TypedResults.Problem(
                title: "Station not found", detail: $"No station has id {id}.", statusCode: StatusCodes.Status404NotFound);
        }
        var now = time.GetUtcNow();
        var parsed = station.IsRetired ? null : hours.Get(station.Record.OpeningHours);
        var week = parsed is null ? null : DayHours.Week(parsed, now, station.Record.Place);
        var comments = await moderation.ApprovedCommentsAsync(id, CommentsShown, cancellationToken);
        var sources = await places.SourcesOfAsync(id, cancellationToken);
        return TypedResults.Ok(new StationDetail(station, OpeningStatus.At(parsed, now, station.Record.Place), week)
        {
            Status = station.IsRetired ? null : board.Report(id, now),
            Comments = [.. comments.Select(c => new StationComment(c.Text, c.At))],
            PinId = sources.FirstOrDefault(s => s.Pin)?.Id,
            Sources = sources,
        });
    }
}
