using BenchmarkDotNet.Attributes;
using StationMap.Domain.Geo;

namespace StationMap.Benchmarks.Micro;

/// <summary>GCJ-02 conversions, run by the importer on every row from an Amap or Tencent source.</summary>
[MemoryDiagnoser]
public class ChinaCoordinatesBenchmarks
{
    private readonly LatLon _wgs84 = new(39.9087, 116.3975);
    private readonly LatLon _gcj02 = ChinaCoordinates.Wgs84ToGcj02(new LatLon(39.9087, 116.3975));

    [Benchmark(Baseline = true)]
    public LatLon Wgs84ToGcj02() => ChinaCoordinates.Wgs84ToGcj02(_wgs84);

    [Benchmark]
    public LatLon Gcj02ToWgs84() => ChinaCoordinates.Gcj02ToWgs84(_gcj02);

    [Benchmark]
    public LatLon Bd09ToWgs84() => ChinaCoordinates.Bd09ToWgs84(_gcj02);
}
