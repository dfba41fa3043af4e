using StationMap.Api.Infrastructure;

namespace StationMap.Api.Ogc;

/// <summary>A link of OGC API (RFC 8288 in JSON): where, its relation to the document, the media type it answers with.</summary>
public sealed record OgcLink(string Href, string Rel, string Type, string? Title = null);

/// <summary>The landing page (<c>/ogc</c>): what this is and where the rest is.</summary>
public sealed record LandingPage(string Title, string Description, IReadOnlyList<OgcLink> Links);

/// <summary>The conformance classes this service implements (<c>/ogc/conformance</c>).</summary>
public sealed record ConformanceDeclaration(IReadOnlyList<string> ConformsTo);

/// <summary>Every collection the client may read (<c>/ogc/collections</c>), and the CRSs any of them is served in.</summary>
public sealed record CollectionsDocument(IReadOnlyList<OgcLink> Links, IReadOnlyList<string> Crs, IReadOnlyList<CollectionDocument> Collections);

/// <summary>One collection (<c>/ogc/collections/{id}</c>): its features are points; served in <see cref="Crs"/>, stored in CRS84.</summary>
public sealed record CollectionDocument(
    string Id, string Title, string Description, IReadOnlyList<OgcLink> Links, CollectionExtent? Extent, IReadOnlyList<string> Crs, string StorageCrs)
{
    public string ItemType => "feature";
}

/// <summary>Where a collection's features are.</summary>
public sealed record CollectionExtent(SpatialExtent Spatial);

/// <summary>One box around every feature, in CRS84 (minLon, minLat, maxLon, maxLat) whatever the request's CRS, as Part 1 has it.</summary>
public sealed record SpatialExtent(IReadOnlyList<double[]> Bbox)
{
    public string Crs => OgcCrs.Crs84;
}

/// <summary>
/// A page of a collection's features (GeoJSON, RFC 7946) with OGC API's members: links to this page in other formats
/// and to the next and previous ones, when it was made, how many features match the request in all and how many
/// are on the page.
/// </summary>
public sealed record OgcFeatureCollection(
    IReadOnlyList<Feature<PointGeometry, object>> Features, IReadOnlyList<OgcLink> Links, DateTimeOffset TimeStamp, int NumberMatched,
    int NumberReturned)
    : FeatureCollection<PointGeometry, object>(Features);

/// <summary>One feature on its own, with links to itself and its collection.</summary>
public sealed record LinkedFeature(PointGeometry Geometry, object Properties, IReadOnlyList<OgcLink> Links)
    : Feature<PointGeometry, object>(Geometry, Properties);
