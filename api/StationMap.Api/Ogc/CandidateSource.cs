using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Store.Planning;
using StationMap.Store.Ogc;

namespace StationMap.Api.Ogc;

/// <summary>The candidate host sites of planning (planner or operator key, like planning runs).</summary>
public sealed class CandidateSource(FeatureTables tables) : TableSource<CandidateQueryables, CandidateSite>(tables, FeatureTables.Candidates)
{
    public override string Route => "candidates";

    public override string OperationName => "Candidates";

    public override bool Keyed => true;

    public override Type PropertiesType => typeof(CandidateProperties);

    public override string ItemsWorstCase => "every candidate site counted (thousands: a few ms) and a page of 5,000 read by id.";

    protected override string Title => "候选站址 Candidate sites";

    protected override string Description => "可以新建驿站的候选地点（银行网点、餐厅、超市、加油站、物业等）。Places that could host a new station.";

    protected override IReadOnlyDictionary<string, string> Filters(CandidateQueryables queryables) =>
        Given(("host_type", QueryText.Of(queryables.HostType)), ("district", QueryText.Of(queryables.District)));

    protected override SourcedFeature Feature(CandidateSite row) =>
        new(row.Id, row.Lat, row.Lon, new CandidateProperties(row.Name, row.HostType, row.Capacity, row.District, row.Address));
}

/// <summary>A candidate site as a layer shows it.</summary>
/// <param name="Capacity">How many people the host could seat or serve at once; absent when unknown.</param>
public sealed record CandidateProperties(string Name, string HostType, int? Capacity, string? District, string? Address);

/// <summary>The filters of the candidate sites' items, by property.</summary>
public sealed record CandidateQueryables : IQueryParameters
{
    [FromQuery(Name = "hostType"), Description("The kind of host (bank_branch, restaurant, supermarket, petrol_station, property_office, ...); every kind when absent.")]
    public QueryText? HostType { get; init; }

    [FromQuery(Name = "district"), Description("The district as imported; every district when absent.")]
    public QueryText? District { get; init; }
}
