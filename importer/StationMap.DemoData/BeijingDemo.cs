using System.Globalization;
using StationMap.Domain;

namespace StationMap.DemoData;

/// <summary>
/// The Beijing demo data set: 2,991 warm stations and workers' homes over the 16 districts (62% in the six core
/// districts), and 9 police checkpoints in Fangshan with a truck drivers' rest stop at each: 3,000 stations in all.
/// Built from <see cref="Seed"/> alone, so every call on every machine returns the same records.
/// </summary>
public static class BeijingDemo
{
    /// <summary>The seed of the demo; changing it changes every station.</summary>
    public const int Seed = 20241231;

    private const int DistrictStations = 2_991;

    /// <summary>The demo stations, <c>bj-demo-000001</c>..<c>bj-demo-002991</c> then <c>bj-demo-cp-1</c>..<c>bj-demo-cp-9</c>; no two share coordinates.</summary>
    public static IReadOnlyList<StationRecord> Stations()
    {
        var random = new Random(Seed);
        var districts = BeijingDistricts.All;
        var taken = new HashSet<(double, double)>();

        var restStops = FangshanCheckpoints.RestStops(random, districts.Single(d => d.District == "房山区")).ToList();
        foreach (var stop in restStops)
        {
            taken.Add((stop.Lat, stop.Lon));
        }

        var stations = new List<StationRecord>(DistrictStations + restStops.Count);
        foreach (var place in Assign(random, districts, DistrictStations))
        {
            (double Lat, double Lon) point;
            do
            {
                point = PointSampler.Around(random, place);
            }
            while (!taken.Add(point));

            var id = "bj-demo-" + (stations.Count + 1).ToString("D6", CultureInfo.InvariantCulture);
            stations.Add(StationSynthesizer.Create(random, id, place, point.Lat, point.Lon));
        }
        stations.AddRange(restStops);
        return stations.AsReadOnly();
    }

    /// <summary>The nine police checkpoints in Fangshan district (房山区), <c>fs-cp-1</c>..<c>fs-cp-9</c>.</summary>
    public static IReadOnlyList<Checkpoint> Checkpoints() => FangshanCheckpoints.All;

    // Exact shares by largest remainder (so every district gets its weight, however small), then shuffled so ids
    // do not run district by district (Fisher–Yates).
    private static Place[] Assign(Random random, IReadOnlyList<Place> places, int count)
    {
        var totalWeight = places.Sum(p => p.Weight);
        var counts = places.Select(p => count * p.Weight / totalWeight).ToArray();
        var byRemainder = Enumerable.Range(0, places.Count)
            .OrderByDescending(i => count * places[i].Weight % totalWeight)
            .ThenBy(i => i);
        foreach (var i in byRemainder.Take(count - counts.Sum()))
        {
            counts[i]++;
        }

        var assignment = places.SelectMany((place, i) => Enumerable.Repeat(place, counts[i])).ToArray();
        for (var i = assignment.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (assignment[i], assignment[j]) = (assignment[j], assignment[i]);
        }
        return assignment;
    }
}
