using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using BenchmarkDotNet.Attributes;
using StationMap.Api.Infrastructure;
using StationMap.Api.Ogc;
using StationMap.Benchmarks.Nearest;
using StationMap.Domain;
using StationMap.Domain.Nearest;
using StationMap.Domain.Queries;

namespace StationMap.Benchmarks.Micro;

/// <summary>
/// A page of OGC API – Features station items at 1,000,000 generated stations (Beijing-Tianjin-Hebei), from the
/// in-memory index: the pass that pages and counts (<see cref="StationListPage"/>), against the bbox list's page of the
/// same stations (<see cref="InViewPage"/>, which does not count) as the baseline, and the worst legal request whole:
/// the world, a page of 5,000, written as GeoJSON.
/// </summary>
[MemoryDiagnoser]
public class OgcItemsBenchmarks
{
    private static readonly BoundingBox World = new(-180, -90, 180, 90);
    private static readonly BoundingBox CentralBeijing = new(116.30, 39.85, 116.45, 39.95);

    private readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private StationIndex _index = null!;

    [GlobalSetup]
    public void Setup() => _index = GeneratedIndex.Build(1_000_000, seed: 7);

    [Benchmark(Baseline = true)]
    public int BboxListWorldPage() =>
        InViewPage.Of(_index, new InViewQuery { Box = World, Limit = 5_000 }, DateTimeOffset.UnixEpoch).Positions.Count;

    [Benchmark]
    public int ItemsWorldPage() => StationListPage.Of(_index, new StationListQuery { Limit = 5_000 }).Matched;

    [Benchmark]
    public int ItemsWorldLastPageByKind() =>
        StationListPage.Of(_index, new StationListQuery { Kinds = [StationKind.WorkersHome], Cursor = PageCursor.After(990_000), Limit = 5_000 }).Matched;

    [Benchmark]
    public int ItemsBeijingPageWithAmenity() =>
        StationListPage.Of(_index, new StationListQuery { Boxes = [CentralBeijing], Amenities = Amenity.Toilet, Limit = 1_000 }).Matched;

    [Benchmark]
    public byte[] ItemsWorldPageWritten()
    {
        var page = StationListPage.Of(_index, new StationListQuery { Limit = 5_000 });
        var features = page.Positions.Select(p => _index[p])
            .Select(s => new Feature<PointGeometry, object>(OgcCrs.Point(OgcCrs.Crs84, s.Lat, s.Lon), StationLayerProperties.Of(s)) { Id = s.Id });
        var collection = new OgcFeatureCollection([.. features], [], DateTimeOffset.UnixEpoch, page.Matched, page.Positions.Count);
        return JsonSerializer.SerializeToUtf8Bytes<object>(collection, _json);
    }
}
