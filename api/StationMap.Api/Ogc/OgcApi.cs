using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using StationMap.Api.Infrastructure;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Api.Security;
using StationMap.Api.Stations.Nearest;
using StationMap.Store.Ogc;

namespace StationMap.Api.Ogc;

/// <summary>
/// <c>/ogc</c>: OGC API – Features (Part 1 Core with GeoJSON, HTML and OpenAPI 3.0; Part 2 CRS for CGCS2000; Part 3
/// queryables as query parameters) for GIS clients: QGIS, ArcGIS, GDAL's OAPIF driver. Stations and checkpoints are
/// public; demand, candidate sites and planning runs need a planner's (or an operator's) key, as on <c>/api/planning/runs</c>.
/// </summary>
public static class OgcApi
{
    public const string Path = "/ogc";

    public static readonly IReadOnlyList<string> ConformsTo =
    [
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
    ];

    public static WebApplicationBuilder AddOgc(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<OgcJson>();
        services.AddSingleton<FeatureTables>();
        AddSource<StationSource, StationQueryables>(services);
        AddSource<CheckpointSource, CheckpointQueryables>(services);
        AddSource<DemandSource, DemandQueryables>(services);
        AddSource<CandidateSource, CandidateQueryables>(services);
        AddSource<PlanningRunSource, NoQueryables>(services);
        OgcOpenApi.Add(services);
        return builder;
    }

    private static void AddSource<TSource, TQueryables>(IServiceCollection services)
        where TSource : FeatureSource<TQueryables>
        where TQueryables : IQueryParameters
    {
        services.AddSingleton<TSource>();
        services.AddSingleton<FeatureSource<TQueryables>>(sp => sp.GetRequiredService<TSource>());
        services.AddSingleton<FeatureSource>(sp => sp.GetRequiredService<TSource>());
    }

    public static IEndpointRouteBuilder MapOgcApi(this IEndpointRouteBuilder app)
    {
        var ogc = app.MapGroup(Path).WithTags("OGC API – Features").CheckQueryParameters().AddEndpointFilter(async (context, next) =>
        {
            // The same URL answers JSON or HTML by Accept (and /collections lists more with a key): tell caches.
            context.HttpContext.Response.Headers.Append("Vary", "Accept, Authorization");
            return await next(context);
        });
        var lookups = ogc.MapGroup("").RequireRateLimiting(RateLimitPolicies.Lookup);
        lookups.MapGet("", Landing)
            .WithName("OgcLandingPage")
            .Produces<LandingPage>(StatusCodes.Status200OK, OgcLinks.Json, OgcLinks.Html)
            .WithSummary("The landing page of the OGC API – Features service: links to its API definition, conformance and collections")
            .WithDescription("Worst case: a fixed document.");
        lookups.MapGet("/conformance", Conformance)
            .WithName("OgcConformance")
            .Produces<ConformanceDeclaration>(StatusCodes.Status200OK, OgcLinks.Json, OgcLinks.Html)
            .WithSummary("The conformance classes implemented")
            .WithDescription("Worst case: a fixed document.");
        lookups.MapGet("/api", OgcOpenApi.DocumentAsync)
            .WithName("OgcApiDefinition")
            .Produces(StatusCodes.Status200OK, contentType: OgcLinks.OpenApi)
            .WithSummary("The OpenAPI 3.0 definition of the OGC API (paths relative to /ogc)")
            .WithDescription("Worst case: built once per process, then a fixed document.");
        lookups.MapGet("/collections", CollectionsAsync)
            .WithName("OgcCollections")
            .Produces<CollectionsDocument>(StatusCodes.Status200OK, OgcLinks.Json, OgcLinks.Html)
            .WithSummary("The collections this client may read: stations and checkpoints; with a planner's or operator's key also demand, candidate sites and the latest planning runs")
            .WithDescription("Worst case (with a key): the extents of the checkpoint, demand and candidate tables (one aggregate each, ~20 ms per 100,000 rows) " +
                $"and the latest {PlanningRunSource.MaxListed} succeeded planning runs' parameters.");

        var collections = ogc.MapGroup("/collections");
        var keyed = collections.MapGroup("").RequireAuthorization(OperatorPolicies.PlanningReader);
        MapCollection<StationQueryables>(collections, app.ServiceProvider);
        MapCollection<CheckpointQueryables>(collections, app.ServiceProvider);
        MapCollection<DemandQueryables>(keyed, app.ServiceProvider);
        MapCollection<CandidateQueryables>(keyed, app.ServiceProvider);
        MapCollection<NoQueryables>(keyed, app.ServiceProvider);

        // Any other collection id is a 404 naming it (rather than routing's bare one); so is a feature id that is no number.
        var unknown = collections.MapGroup("/{collectionId}").RequireRateLimiting(RateLimitPolicies.Lookup).ExcludeFromDescription();
        foreach (var tail in new[] { "", "/items", "/queryables", "/schema" })
        {
            unknown.MapGet(tail, UnknownCollection);
        }
        unknown.MapGet("/items/{featureId}", UnknownFeature);
        return app;
    }

    private static void MapCollection<TQueryables>(RouteGroupBuilder collections, IServiceProvider services) where TQueryables : IQueryParameters
    {
        var source = services.GetRequiredService<FeatureSource<TQueryables>>();
        var name = "Ogc" + source.OperationName;
        var who = source.Keyed ? " (planner or operator key)" : "";
        var collection = collections.MapGroup("/" + source.Route);
        // As delegates: ASP.NET Core's route handler analyzer fails on a generic method group (AD0001); binding is the same.
        Delegate describe = DescribeAsync<TQueryables>, page = ItemsAsync<TQueryables>, item = ItemAsync<TQueryables>;
        Delegate queryables = Queryables<TQueryables>, schema = Schema<TQueryables>;
        var lookups = collection.MapGroup("").RequireRateLimiting(RateLimitPolicies.Lookup);
        lookups.MapGet("", describe)
            .WithName(name + "Collection")
            .Produces<CollectionDocument>(StatusCodes.Status200OK, OgcLinks.Json, OgcLinks.Html)
            .WithSummary($"The collection '{source.Route}': its extent, CRSs and links{who}")
            .WithDescription("Worst case: the collection's extent (an aggregate over its table, or the in-memory index's bounds).");
        var items = collection.MapGet("/items", page)
            .RequireRateLimiting(RateLimitPolicies.Area)
            .WithName(name + "Items")
            .Produces<OgcFeatureCollection>(StatusCodes.Status200OK, OgcLinks.GeoJson, OgcLinks.Html)
            .WithSummary($"The features of '{source.Route}' as GeoJSON, paged by id with 'next'/'prev' links, numberMatched and numberReturned{who}")
            .WithDescription($"CRS84 unless crs asks for EPSG:4490 (Content-Crs names it). Worst case: {source.ItemsWorstCase}");
        lookups.MapGet("/items/{featureId:long}", item)
            .WithName(name + "Item")
            .Produces<LinkedFeature>(StatusCodes.Status200OK, OgcLinks.GeoJson, OgcLinks.Html)
            .WithSummary($"One feature of '{source.Route}' by id{who}")
            .WithDescription("Worst case: one primary-key lookup (a planning run's site: its stored result read).");
        lookups.MapGet("/queryables", queryables)
            .WithName(name + "Queryables")
            .Produces(StatusCodes.Status200OK, contentType: OgcLinks.JsonSchema)
            .WithSummary($"The properties the items of '{source.Route}' filter on, as query parameters (JSON Schema){who}")
            .WithDescription("Worst case: a fixed document.");
        lookups.MapGet("/schema", schema)
            .WithName(name + "Schema")
            .Produces(StatusCodes.Status200OK, contentType: OgcLinks.JsonSchema)
            .WithSummary($"The JSON Schema of a feature of '{source.Route}' (the 'describedby' link){who}")
            .WithDescription("Worst case: a fixed document.");
        if (source is StationSource)
        {
            items.WithIndexFreshness();
        }
    }

    internal static IResult Landing([AsParameters] OgcFormatParameters parameters, HttpContext context, OgcJson json)
    {
        var request = context.Request;
        var html = OgcFormat.WantsHtml(parameters.F, request);
        var page = new LandingPage(
            "StationMap 户外劳动者驿站 OGC API – Features",
            "工会为户外劳动者设立的驿站、检查站和规划数据，供 QGIS、ArcGIS 和 GDAL 读取。" +
            "Rest stops for outdoor workers, checkpoints and planning data for GIS clients (QGIS, ArcGIS, GDAL).",
            [
                .. OgcLinks.SelfAndAlternate(request, OgcLinks.Json, html),
                new(OgcLinks.To(request, "/api"), "service-desc", OgcLinks.OpenApi, "API 定义 The API definition (OpenAPI 3.0)"),
                new($"{request.Scheme}://{request.Host}{request.PathBase}{ContentSecurityPolicies.DocsPath}", "service-doc", OgcLinks.Html,
                    "API 文档 The API documentation"),
                new(OgcLinks.To(request, "/conformance"), "conformance", OgcLinks.Json, "符合的标准类 Conformance classes"),
                new(OgcLinks.To(request, "/collections"), "data", OgcLinks.Json, "数据集 Collections"),
            ]);
        return html ? OgcFormat.Html(OgcHtml.Landing(request, page)) : OgcFormat.Json(page, json, OgcLinks.Json);
    }

    internal static IResult Conformance([AsParameters] OgcFormatParameters parameters, HttpContext context, OgcJson json)
    {
        var declaration = new ConformanceDeclaration(ConformsTo);
        return OgcFormat.WantsHtml(parameters.F, context.Request)
            ? OgcFormat.Html(OgcHtml.Conformance(context.Request, declaration))
            : OgcFormat.Json(declaration, json, OgcLinks.Json);
    }

    internal static async Task<IResult> CollectionsAsync(
        [AsParameters] OgcFormatParameters parameters, HttpContext context, IEnumerable<FeatureSource> sources, IAuthorizationService authorization,
        OgcJson json, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var html = OgcFormat.WantsHtml(parameters.F, request);
        // The keyed collections are listed only to those who may read them.
        var planner = (await authorization.AuthorizeAsync(context.User, OperatorPolicies.PlanningReader)).Succeeded;
        var all = new List<CollectionDocument>();
        foreach (var source in sources.Where(s => planner || !s.Keyed))
        {
            all.AddRange((await source.ListAsync(cancellationToken)).Select(c => Document(request, c)));
        }
        var document = new CollectionsDocument([.. OgcLinks.SelfAndAlternate(request, OgcLinks.Json, html)], OgcCrs.Supported, all);
        return html ? OgcFormat.Html(OgcHtml.Collections(request, document)) : OgcFormat.Json(document, json, OgcLinks.Json);
    }

    internal static async Task<IResult> DescribeAsync<TQueryables>(
        [AsParameters] OgcFormatParameters parameters, HttpContext context, FeatureSource<TQueryables> source, OgcJson json,
        CancellationToken cancellationToken)
        where TQueryables : IQueryParameters
    {
        var request = context.Request;
        if (await source.DescribeAsync(request, cancellationToken) is not { } summary)
        {
            return CollectionNotFound(request);
        }
        var document = Document(request, summary) with
        {
            Links = [.. OgcLinks.SelfAndAlternate(request, OgcLinks.Json, OgcFormat.WantsHtml(parameters.F, request)), .. CollectionLinks(request, summary.Id)],
        };
        return OgcFormat.WantsHtml(parameters.F, request)
            ? OgcFormat.Html(OgcHtml.Collection(request, document))
            : OgcFormat.Json(document, json, OgcLinks.Json);
    }

    internal static async Task<IResult> ItemsAsync<TQueryables>(
        [AsParameters] OgcItemsParameters parameters, [AsParameters] TQueryables queryables, HttpContext context, FeatureSource<TQueryables> source,
        OgcJson json, TimeProvider time, IOptions<DatabaseOptions> database, CancellationToken cancellationToken)
        where TQueryables : IQueryParameters
    {
        var request = context.Request;
        var items = new ItemsRequest(parameters.Boxes(), parameters.Cursor(), parameters.PageLimit());
        var sourced = await source.PageAsync(request, items, queryables, cancellationToken);
        if (sourced.Value is not { } page)
        {
            return sourced.Outcome == SourceOutcome.Unavailable ? IndexNotLoaded(context, database.Value) : CollectionNotFound(request);
        }
        var crs = parameters.OutputCrs();
        var html = OgcFormat.WantsHtml(parameters.F, request);
        var collection = new OgcFeatureCollection(
            [.. page.Features.Select(f => Feature(f, crs))],
            [.. OgcLinks.SelfAndAlternate(request, OgcLinks.GeoJson, html), .. PageLinks(request, items, page, html),
                new(OgcLinks.To(request, "/collections/" + CollectionId(request)), "collection", OgcLinks.Json, "数据集 The collection")],
            time.GetUtcNow(), page.Matched, page.Features.Count);
        context.Response.Headers["Content-Crs"] = OgcCrs.Header(crs);
        return html
            ? OgcFormat.Html(OgcHtml.Items(request, $"{CollectionId(request)} 的要素 Features", collection, json.Options, crs))
            : OgcFormat.Json(collection, json, OgcLinks.GeoJson);
    }

    internal static async Task<IResult> ItemAsync<TQueryables>(
        long featureId, [AsParameters] OgcItemParameters parameters, HttpContext context, FeatureSource<TQueryables> source, OgcJson json,
        CancellationToken cancellationToken)
        where TQueryables : IQueryParameters
    {
        var request = context.Request;
        var sourced = await source.ItemAsync(request, featureId, cancellationToken);
        if (sourced.Value is not { } found)
        {
            return NotFound("featureId", $"no feature of collection '{CollectionId(request)}' has id {featureId}", "Feature not found");
        }
        var crs = parameters.OutputCrs();
        var html = OgcFormat.WantsHtml(parameters.F, request);
        var feature = new LinkedFeature(OgcCrs.Point(crs, found.Lat, found.Lon), found.Properties,
            [.. OgcLinks.SelfAndAlternate(request, OgcLinks.GeoJson, html),
                new(OgcLinks.To(request, "/collections/" + CollectionId(request)), "collection", OgcLinks.Json, "数据集 The collection")])
        {
            Id = found.Id,
        };
        context.Response.Headers["Content-Crs"] = OgcCrs.Header(crs);
        return html
            ? OgcFormat.Html(OgcHtml.Item(request, $"{CollectionId(request)} {featureId}", feature, json.Options, crs))
            : OgcFormat.Json(feature, json, OgcLinks.GeoJson);
    }

    internal static IResult Queryables<TQueryables>([AsParameters] OgcFormatParameters parameters, HttpContext context, FeatureSource<TQueryables> source)
        where TQueryables : IQueryParameters
    {
        var request = context.Request;
        var id = CollectionId(request);
        var schema = OgcQueryables.Of(source.QueryablesType, OgcLinks.To(request, $"/collections/{id}/queryables"), $"{id} 可筛选的属性 Queryables");
        return OgcFormat.WantsHtml(parameters.F, request)
            ? OgcFormat.Html(OgcHtml.Schema(request, $"{id} 可筛选的属性 Queryables", schema))
            : OgcFormat.Schema(schema);
    }

    internal static IResult Schema<TQueryables>([AsParameters] OgcFormatParameters parameters, HttpContext context, FeatureSource<TQueryables> source, OgcJson json)
        where TQueryables : IQueryParameters
    {
        var request = context.Request;
        var id = CollectionId(request);
        var schema = json.FeatureSchema(source.PropertiesType, OgcLinks.To(request, $"/collections/{id}/schema"), $"{id} 要素 Feature");
        return OgcFormat.WantsHtml(parameters.F, request)
            ? OgcFormat.Html(OgcHtml.Schema(request, $"{id} 要素的属性 Feature properties", schema["properties"]!["properties"]!.AsObject()))
            : OgcFormat.Schema(schema);
    }

    internal static IResult UnknownCollection(string collectionId, IEnumerable<FeatureSource> sources) =>
        NotFound(
            "collectionId", $"no collection has id '{Echo(collectionId)}'; expected one of {string.Join(", ", sources.Select(s => s.IdPattern))}",
            "Collection not found");

    // Reached when the collection's own route did not match: its id is unknown, or the feature id is not a number.
    internal static IResult UnknownFeature(string collectionId, string featureId, IEnumerable<FeatureSource> sources) =>
        sources.Any(s => s.IsIdOfItsKind(collectionId))
            ? NotFound("featureId", $"no feature of collection '{collectionId}' has id '{Echo(featureId)}' (ids are whole numbers)", "Feature not found")
            : UnknownCollection(collectionId, sources);

    private static IResult CollectionNotFound(HttpRequest request) =>
        NotFound("collectionId", $"no collection has id '{Echo(CollectionId(request))}' (a planning run that has not succeeded has none)", "Collection not found");

    private static IResult NotFound(string parameter, string reason, string title) =>
        ValidationProblems.WithStatus(StatusCodes.Status404NotFound, title, [new(parameter, reason)]);

    private static IResult IndexNotLoaded(HttpContext context, DatabaseOptions database) => ServiceUnavailableProblem.Result(
        context.Response, database.RetryAfterSeconds,
        "The stations are listed from the in-memory station index, which is not loaded (yet); retry shortly.");

    private static CollectionDocument Document(HttpRequest request, CollectionSummary summary) => new(
        summary.Id, summary.Title, summary.Description, [.. CollectionLinks(request, summary.Id)],
        summary.Extent is { } e ? new CollectionExtent(new SpatialExtent([[e.MinLon, e.MinLat, e.MaxLon, e.MaxLat]])) : null,
        OgcCrs.Supported, OgcCrs.Crs84);

    private static IEnumerable<OgcLink> CollectionLinks(HttpRequest request, string id)
    {
        var path = "/collections/" + id;
        return
        [
            new(OgcLinks.To(request, path + "/items"), "items", OgcLinks.GeoJson, "要素 The features (GeoJSON)"),
            new(OgcLinks.To(request, path + "/items", QueryFormat.Html), "items", OgcLinks.Html, "要素 The features (HTML)"),
            new(OgcLinks.To(request, path + "/queryables"), "http://www.opengis.net/def/rel/ogc/1.0/queryables", OgcLinks.JsonSchema,
                "可筛选的属性 Queryables"),
            // 'describedBy' as GDAL up to 3.6 spells it (it compares exactly); RFC 8288 compares relation types ignoring case.
            new(OgcLinks.To(request, path + "/schema"), "describedBy", OgcLinks.JsonSchema, "要素的 JSON Schema The features' schema"),
        ];
    }

    private static IEnumerable<OgcLink> PageLinks(HttpRequest request, ItemsRequest items, FeaturePage page, bool html)
    {
        var type = html ? OgcLinks.Html : OgcLinks.GeoJson;
        var format = html ? QueryFormat.Html : QueryFormat.Json;
        var cursor = items.Cursor;
        // Reading forward a next page follows while more do; reading back (a 'prev' link) the page it came from always does.
        if (page.More && !cursor.Backward || cursor.Backward)
        {
            var after = page.Features.Count > 0 ? page.Features[^1].Id : cursor.Id - 1;
            yield return new(OgcLinks.Here(request, ("after", Id(after)), ("before", null), ("f", format)), "next", type, "下一页 Next page");
        }
        if (!cursor.IsFirst && (!cursor.Backward || page.More))
        {
            var before = page.Features.Count > 0 ? page.Features[0].Id : cursor.Id + 1;
            yield return new(OgcLinks.Here(request, ("before", Id(before)), ("after", null), ("f", format)), "prev", type, "上一页 Previous page");
        }
    }

    private static Infrastructure.Feature<Infrastructure.PointGeometry, object> Feature(SourcedFeature feature, string crs) =>
        new(OgcCrs.Point(crs, feature.Lat, feature.Lon), feature.Properties) { Id = feature.Id };

    // The collection's id as the request names it (a route such as planning-run-{runId} has no fixed one).
    private static string CollectionId(HttpRequest request)
    {
        var segments = request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length > 2 ? segments[2] : "";
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Echo(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
