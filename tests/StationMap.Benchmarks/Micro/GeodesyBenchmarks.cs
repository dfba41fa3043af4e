using BenchmarkDotNet.Attributes;
using StationMap.Domain.Geo;

namespace StationMap.Benchmarks.Micro;

/// <summary>Geodesic distance (Vincenty) for a short city hop and a long line; the API computes bearings the same way.</summary>
[MemoryDiagnoser]
public class GeodesyBenchmarks
{
    [Benchmark(Baseline = true)]
    public double CityHop() => Geodesy.DistanceMeters(39.9087, 116.3975, 39.9001, 116.3968);

    [Benchmark]
    public double BeijingToShijiazhuang() => Geodesy.DistanceMeters(39.9087, 116.3975, 38.0428, 114.5149);

    [Benchmark]
    public double InitialBearing() => Geodesy.InitialBearingDegrees(39.9087, 116.3975, 39.9001, 116.3968);
}
