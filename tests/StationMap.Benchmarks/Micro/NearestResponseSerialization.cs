using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using BenchmarkDotNet.Attributes;
using StationMap.Api.Stations;

namespace StationMap.Benchmarks.Micro;

/// <summary>Serialising a 10-station nearest answer with the API's JSON options (web defaults, nulls written, Chinese unescaped).</summary>
[MemoryDiagnoser]
public class NearestResponseSerialization
{
    private readonly JsonSerializerOptions _escaped = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private readonly JsonSerializerOptions _options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private readonly NearestResponse _response = new(
        new Origin(39.9087, 116.3975),
        Enumerable.Range(0, 10).Select(i => new NearestItem(
            new StationSummary(
                812 + i,
                39.9001 + i * 0.001,
                116.3968 + i * 0.001,
                "北京市东城区前门大街12号",
                new StationProperties(
                    $"中国工商银行北京前门支行{i} 暖心驿站",
                    "warm_station",
                    "东城区",
                    ["drinking_water", "hot_water", "phone_charging"],
                    "Mo-Fr 09:00-17:00")),
            957.31 + i * 100,
            183.9,
            i % 3 == 0
                ? default
                : new OpeningStatus(true, new NextChange(new DateTimeOffset(2026, 11, 24, 17, 0, 0, TimeSpan.FromHours(8)), "closes at 17:00"))))
            .ToList());

    [Benchmark(Baseline = true)]
    public byte[] ToUtf8Bytes() => JsonSerializer.SerializeToUtf8Bytes(_response, _options);

    /// <summary>The serializer's default encoder, which writes every Chinese character as a \u escape.</summary>
    [Benchmark]
    public byte[] ToUtf8BytesEscaped() => JsonSerializer.SerializeToUtf8Bytes(_response, _escaped);
}
