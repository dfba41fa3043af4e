using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Domain.Queries;
using StationMap.Store.Ogc;

namespace StationMap.Api.Ogc;

/// <summary>
/// A collection that is one point table of the store (<see cref="FeatureTables"/>): pages and their counts are two
/// statements in one round trip; the collection's extent one aggregate over the table.
/// </summary>
public abstract class TableSource<TQueryables, TRow>(FeatureTables tables, FeatureTable<TRow> table) : FeatureSource<TQueryables>
    where TQueryables : IQueryParameters
    where TRow : class
{
    protected abstract string Title { get; }

    protected abstract string Description { get; }

    /// <summary>The table's columns the queryables filter, with the values asked for (only those given).</summary>
    protected abstract IReadOnlyDictionary<string, string> Filters(TQueryables queryables);

    protected abstract SourcedFeature Feature(TRow row);

    public override async Task<IReadOnlyList<CollectionSummary>> ListAsync(CancellationToken cancellationToken) =>
        [await SummaryAsync(cancellationToken)];

    public override async Task<CollectionSummary?> DescribeAsync(HttpRequest request, CancellationToken cancellationToken) =>
        await SummaryAsync(cancellationToken);

    public override async Task<Sourced<FeaturePage>> PageAsync(
        HttpRequest request, ItemsRequest items, TQueryables queryables, CancellationToken cancellationToken)
    {
        var rows = await tables.PageAsync(table, items.Boxes, Filters(queryables), items.Cursor, items.Limit, cancellationToken);
        return Sourced<FeaturePage>.Found(new FeaturePage([.. rows.Rows.Select(Feature)], rows.Matched, rows.More));
    }

    public override async Task<Sourced<SourcedFeature>> ItemAsync(HttpRequest request, long id, CancellationToken cancellationToken) =>
        await tables.ByIdAsync(table, id, cancellationToken) is { } row ? Sourced<SourcedFeature>.Found(Feature(row)) : Sourced<SourcedFeature>.NotFound;

    private async Task<CollectionSummary> SummaryAsync(CancellationToken cancellationToken) =>
        new(Route, Title, Description, await tables.ExtentAsync(table, cancellationToken));

    /// <summary>The filters that were given, by column.</summary>
    protected static IReadOnlyDictionary<string, string> Given(params (string Column, string? Value)[] filters) =>
        filters.Where(f => f.Value is not null).ToDictionary(f => f.Column, f => f.Value!, StringComparer.Ordinal);
}
