using StationMap.Domain.Geo;
using StationMap.Domain.Planning;
using static StationMap.Domain.Tests.Planning.PlanningInstances;

namespace StationMap.Domain.Tests.Planning;

public sealed class PointGridTests
{
    [Theory]
    [InlineData(1, 50.0)]
    [InlineData(2, 500.0)]
    [InlineData(3, 2500.0)]
    public void Within_finds_exactly_the_points_a_brute_force_finds(int seed, double radius)
    {
        var (demand, _, queries) = Random(seed, demand: 2000, stations: 0, candidates: 200, spanM: 20_000, wholeWeights: true);
        var grid = new PointGrid([.. demand.Select(d => d.Lat)], [.. demand.Select(d => d.Lon)], radius, 41);
        var found = new List<int>();
        foreach (var q in queries)
        {
            found.Clear();
            grid.Within(q.Lat, q.Lon, found);
            var expected = Enumerable.Range(0, demand.Count)
                .Where(i => Geodesy.DistanceMeters(q.Lat, q.Lon, demand[i].Lat, demand[i].Lon) <= radius)
                .ToList();
            Assert.Equal(expected, found);
            Assert.Equal(expected.Count > 0, grid.AnyWithin(q.Lat, q.Lon));
        }
    }
}
