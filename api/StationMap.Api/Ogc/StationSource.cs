using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Api.Stations;
using StationMap.Api.Stations.Nearest;
using StationMap.Domain;
using StationMap.Domain.Nearest;
using StationMap.Domain.Queries;
using StationMap.Store.Stations;

namespace StationMap.Api.Ogc;

/// <summary>
/// The live stations (retired ones are not listed), from the in-memory index like the vector tiles: a page and the
/// count of every match come from one pass over the box's stations, never from PostgreSQL.
/// </summary>
public sealed class StationSource(LiveStationIndex live, IOptions<NearestOptions> nearest, StationQueries queries)
    : FeatureSource<StationQueryables>
{
    public const string Id = "stations";

    public override string Route => Id;

    public override string OperationName => "Stations";

    public override Type PropertiesType => typeof(StationLayerProperties);

    public override string ItemsWorstCase =>
        "the whole world with a filter every station passes, a page of 5,000: one pass over every station in memory that pages and counts " +
        "(44 ms at 1,000,000 stations on a loaded 2-core machine, 1.3x the bbox list's page) and 5,000 features written (~60 ms in all, ~1.6 MB). " +
        "503 with Retry-After until the in-memory index has loaded (or with Nearest:Path=Database).";

    private static CollectionSummary Summary(StationIndex? index) => new(
        Id,
        "户外劳动者驿站 Stations",
        "工会的户外劳动者服务站、暖心驿站、职工之家和检查站休息点（在用的站点）。Live rest stops for outdoor workers: warm stations, workers' homes and checkpoint rest stops.",
        index?.Tiles.Bounds is var (west, south, east, north) ? new BoundingBox(west, south, east, north) : null);

    public override Task<IReadOnlyList<CollectionSummary>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CollectionSummary>>([Summary(Index())]);

    public override Task<CollectionSummary?> DescribeAsync(HttpRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<CollectionSummary?>(Summary(Index()));

    public override Task<Sourced<FeaturePage>> PageAsync(
        HttpRequest request, ItemsRequest items, StationQueryables queryables, CancellationToken cancellationToken)
    {
        if (Index() is not { } index)
        {
            return Task.FromResult(Sourced<FeaturePage>.Unavailable);
        }
        var page = StationListPage.Of(index, new StationListQuery
        {
            Boxes = items.Boxes,
            Kinds = QueryKinds.Of(queryables.Kind),
            Amenities = QueryAmenities.Of(queryables.Amenity),
            District = QueryText.Of(queryables.District),
            Cursor = items.Cursor,
            Limit = items.Limit,
        });
        var features = page.Positions.Select(p => index[p]).Select(s => new SourcedFeature(s.Id, s.Lat, s.Lon, StationLayerProperties.Of(s)));
        return Task.FromResult(Sourced<FeaturePage>.Found(new FeaturePage([.. features], page.Matched, page.More)));
    }

    /// <summary>One primary-key lookup in the store (the index keeps no id lookup); a retired station is not found, as it is not listed.</summary>
    public override async Task<Sourced<SourcedFeature>> ItemAsync(HttpRequest request, long id, CancellationToken cancellationToken) =>
        await queries.ByIdAsync(id, cancellationToken) is { IsRetired: false } station
            ? Sourced<SourcedFeature>.Found(new SourcedFeature(station.Id, station.Record.Lat, station.Record.Lon, StationLayerProperties.Of(station)))
            : Sourced<SourcedFeature>.NotFound;

    private StationIndex? Index() => nearest.Value.Path == NearestPath.Memory ? live.Current?.Index : null;
}

/// <summary>The filters of the stations' items, by property (OGC API – Features Part 3 queryables, as query parameters).</summary>
public sealed record StationQueryables : IQueryParameters
{
    [FromQuery(Name = "kind"), Description("Station kinds, comma-separated (warm_station, workers_home, checkpoint_rest_stop); every kind when absent.")]
    public QueryKinds? Kind { get; init; }

    [FromQuery(Name = "district"), Description("The district as the station lists name it (e.g. 朝阳区); every district when absent.")]
    public QueryText? District { get; init; }

    [FromQuery(Name = "amenity"), Description("Amenities a station must all have, comma-separated (toilet, hot_water, phone_charging, ...).")]
    public QueryAmenities? Amenity { get; init; }
}

/// <summary>
/// A station as a GIS layer shows it: the map's properties plus the address and what a truck can use there (the
/// feature's geometry and id say where and which). Absent values are left out of the feature, not written as null.
/// </summary>
public sealed record StationLayerProperties : StationProperties
{
    private StationLayerProperties(StationProperties properties) : base(properties)
    {
    }

    public string? Address { get; init; }

    /// <summary>Truck parking spaces; absent when the station has told none.</summary>
    public int? TruckParkingSpaces { get; init; }

    public double? MaxVehicleLengthM { get; init; }

    public bool HazmatAllowed { get; init; }

    public static StationLayerProperties Of(IndexedStation s) => new(PropertiesOf(s))
    {
        Address = s.Address, TruckParkingSpaces = s.TruckParkingSpaces, MaxVehicleLengthM = s.MaxVehicleLengthM, HazmatAllowed = s.HazmatAllowed,
    };

    public static StationLayerProperties Of(Station station)
    {
        var r = station.Record;
        return new(PropertiesOf(station))
        {
            Address = r.Address, TruckParkingSpaces = r.TruckParkingSpaces, MaxVehicleLengthM = r.MaxVehicleLengthM, HazmatAllowed = r.HazmatAllowed,
        };
    }
}
