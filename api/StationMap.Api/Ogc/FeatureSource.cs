using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Domain.Queries;

namespace StationMap.Api.Ogc;

/// <summary>
/// Where one kind of collection gets its features: the in-memory station index, a table, a planning run's result. The
/// API maps the same endpoints for each (<see cref="OgcApi"/>); a source says what it holds and answers its pages.
/// </summary>
public abstract class FeatureSource
{
    /// <summary>The route of its collection under <c>/ogc/collections/</c> (a fixed id, or a pattern such as a run's).</summary>
    public abstract string Route { get; }

    /// <summary>Its collection's id as a person reads it (a run's: <c>planning-run-{id}</c>).</summary>
    public virtual string IdPattern => Route;

    /// <summary>Whether <paramref name="collectionId"/> is the id of a collection of this kind (existing or not).</summary>
    public virtual bool IsIdOfItsKind(string collectionId) => collectionId == Route;

    /// <summary>The word its endpoints are named with in the OpenAPI document (OgcStationsItems, ...).</summary>
    public abstract string OperationName { get; }

    /// <summary>Whether only planners (and operators) may read it.</summary>
    public virtual bool Keyed => false;

    /// <summary>The type of its features' properties, which its JSON Schema describes.</summary>
    public abstract Type PropertiesType { get; }

    /// <summary>The record of its queryables (filters by property, as query parameters).</summary>
    public abstract Type QueryablesType { get; }

    /// <summary>What a page costs at worst, for the OpenAPI description.</summary>
    public abstract string ItemsWorstCase { get; }

    /// <summary>The collections it holds now: one, or a planning run's source one per finished run.</summary>
    public abstract Task<IReadOnlyList<CollectionSummary>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The collection the request's route names; null when there is none.</summary>
    public abstract Task<CollectionSummary?> DescribeAsync(HttpRequest request, CancellationToken cancellationToken);

    /// <summary>One feature by id.</summary>
    public abstract Task<Sourced<SourcedFeature>> ItemAsync(HttpRequest request, long id, CancellationToken cancellationToken);
}

/// <summary>A source whose items are filtered by the queryables of <typeparamref name="TQueryables"/>.</summary>
public abstract class FeatureSource<TQueryables> : FeatureSource where TQueryables : IQueryParameters
{
    public override Type QueryablesType => typeof(TQueryables);

    /// <summary>One page of the collection the request's route names.</summary>
    public abstract Task<Sourced<FeaturePage>> PageAsync(
        HttpRequest request, ItemsRequest items, TQueryables queryables, CancellationToken cancellationToken);
}

/// <summary>A collection as its source describes it; the API adds links and CRSs.</summary>
public sealed record CollectionSummary(string Id, string Title, string Description, BoundingBox? Extent);

/// <summary>What every collection's items are asked: the boxes (none: everywhere), where the page starts, its size.</summary>
public sealed record ItemsRequest(IReadOnlyList<BoundingBox> Boxes, PageCursor Cursor, int Limit);

/// <summary>A feature as a source gives it: id, WGS-84 position and properties; the API writes it in the CRS asked for.</summary>
public sealed record SourcedFeature(long Id, double Lat, double Lon, object Properties);

/// <summary>A page of features by id, how many match in all, and whether more follow in the cursor's direction.</summary>
public sealed record FeaturePage(IReadOnlyList<SourcedFeature> Features, int Matched, bool More);

public enum SourceOutcome
{
    Found,
    NotFound,
    /// <summary>What it answers from is not ready (the station index before its first load).</summary>
    Unavailable,
}

/// <summary>An answer of a source, or why there is none.</summary>
public readonly record struct Sourced<T>(SourceOutcome Outcome, T? Value)
{
    public static Sourced<T> Found(T value) => new(SourceOutcome.Found, value);

    public static Sourced<T> NotFound => new(SourceOutcome.NotFound, default);

    public static Sourced<T> Unavailable => new(SourceOutcome.Unavailable, default);
}
