using System.Globalization;
using StationMap.Domain;

namespace StationMap.DemoData;

/// <summary>
/// Streams any number of synthetic stations for benchmarks and load tests, with the hosts, names, amenities and
/// hours of the Beijing demo. The same (count, seed, region) gives the same stations; coordinates may repeat.
/// </summary>
public static class StationGenerator
{
    /// <summary>
    /// <paramref name="count"/> stations, <c>gen-0000001</c> upwards, each in a place drawn by weight from
    /// <paramref name="region"/>; nothing is held in memory but the current record.
    /// </summary>
    public static IEnumerable<StationRecord> Generate(int count, int seed, GeneratorRegion region)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var places = region switch
        {
            GeneratorRegion.Beijing => BeijingDistricts.All,
            GeneratorRegion.Jingjinji => JingjinjiPlaces.All,
            _ => throw new ArgumentOutOfRangeException(nameof(region), region, "Unknown region."),
        };
        return Stream(count, seed, new WeightedTable<Place>(places.Select(p => (p, p.Weight)).ToArray()));
    }

    private static IEnumerable<StationRecord> Stream(int count, int seed, WeightedTable<Place> places)
    {
        var random = new Random(seed);
        for (var i = 1; i <= count; i++)
        {
            var place = places.Pick(random);
            var (lat, lon) = PointSampler.Around(random, place);
            yield return StationSynthesizer.Create(random, "gen-" + i.ToString("D7", CultureInfo.InvariantCulture), place, lat, lon);
        }
    }
}
