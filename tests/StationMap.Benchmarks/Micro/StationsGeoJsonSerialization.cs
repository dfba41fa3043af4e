using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using BenchmarkDotNet.Attributes;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using StationMap.Api.Infrastructure;
using StationMap.Api.Stations;

namespace StationMap.Benchmarks.Micro;

/// <summary>
/// The bbox answer at its cap, 5,000 stations, written two ways: through our typed envelope
/// (<see cref="FeatureCollection{TGeometry,TProperties}"/>) and through NetTopologySuite.IO.GeoJSON4STJ's
/// FeatureCollection of attribute tables, with the API's JSON options.
/// </summary>
[MemoryDiagnoser]
public class StationsGeoJsonSerialization
{
    private const int Stations = 5_000;

    private readonly JsonSerializerOptions _options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private readonly JsonSerializerOptions _ntsOptions;
    private readonly StationFeatureCollection _typed;
    private readonly NetTopologySuite.Features.FeatureCollection _nts;

    public StationsGeoJsonSerialization()
    {
        _ntsOptions = new JsonSerializerOptions(_options);
        _ntsOptions.Converters.Add(new GeoJsonConverterFactory());
        var properties = Enumerable.Range(0, Stations).Select(i => (
            Id: 100_000L + i, Lon: 116.3 + i * 1e-4, Lat: 39.9 + i * 1e-4,
            Properties: new StationProperties(
                $"中国工商银行北京前门支行{i} 暖心驿站", "warm_station", "东城区", ["drinking_water", "hot_water", "phone_charging"], "Mo-Fr 09:00-17:00")))
            .ToList();
        _typed = new StationFeatureCollection(
            [.. properties.Select(p => new Feature<PointGeometry, StationProperties>(PointGeometry.At(p.Lon, p.Lat), p.Properties) { Id = p.Id })],
            Truncated: true, Limit: Stations, Next: "/api/stations?bbox=115,39,118,41&after=104999");
        _nts = [];
        foreach (var p in properties)
        {
            var attributes = new AttributesTable
            {
                { GeoJsonConverterFactory.DefaultIdPropertyName, p.Id },
                { "name", p.Properties.Name }, { "kind", p.Properties.Kind }, { "district", p.Properties.District },
                { "amenities", p.Properties.Amenities }, { "openingHours", p.Properties.OpeningHours },
            };
            _nts.Add(new NetTopologySuite.Features.Feature(new Point(p.Lon, p.Lat), attributes));
        }
    }

    [Benchmark(Baseline = true)]
    public byte[] TypedEnvelope() => JsonSerializer.SerializeToUtf8Bytes(_typed, _options);

    [Benchmark]
    public byte[] GeoJson4Stj() => JsonSerializer.SerializeToUtf8Bytes(_nts, _ntsOptions);
}
