using StationMap.Domain.Geo;
using StationMap.Domain.Nearest;
using StationMap.Domain.Queries;
using StationMap.Domain.Routes;
using StationMap.Domain.Tests.Nearest;

namespace StationMap.Domain.Tests.Routes;

/// <summary>
/// The stations of an index in a corridor, found through the grid cells and the blocks near each cell, against
/// <see cref="RouteCorridor.Locate(double, double)"/> asked about every station: seeded random routes (straight, zig-zag,
/// doubling back, over the antimeridian and a pole) with random corridors and truck filters.
/// </summary>
public sealed class CorridorStationsTests
{
    private const int Seed = 20_261_202;

    public static TheoryData<string> Shapes() => ["wandering", "zig-zag", "out and back", "antimeridian", "pole"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_corridor_finds_exactly_the_stations_a_scan_locates(string shape)
    {
        var random = new Random(Seed + shape.Length);
        for (var round = 0; round < 12; round++)
        {
            var route = Route(shape, random);
            var corridorM = new[] { 20.0, 300, 1000, 5000 }[random.Next(4)];
            var corridor = new RouteCorridor(route, corridorM);
            // Stations scattered around the route, some on it, so that every case has stations in and out.
            var rows = new List<StationIndexRow>();
            for (var i = 0; i < 1500; i++)
            {
                var near = route[random.Next(route.Count)];
                var spread = corridorM * 3 / 111_000 * random.NextDouble();
                var lat = Math.Clamp(near.Lat + (random.NextDouble() - 0.5) * 2 * spread, -90, 90);
                var lon = near.Lon + (random.NextDouble() - 0.5) * 2 * spread / Math.Max(0.01, Math.Cos(lat * Math.PI / 180));
                lon = lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
                var template = RandomStations.Rows("few", 1, random)[0];
                rows.Add(template with { Id = i + 1, Lat = lat, Lon = lon });
            }
            var builder = new StationIndexBuilder(rows.Count);
            rows.ForEach(r => builder.Add(r));
            var index = builder.Build(1);
            var truck = random.NextDouble() < 0.5 ? default : new TruckFilter(random.NextDouble() < 0.5, null, random.NextDouble() < 0.5);
            var filter = new NearestFilter([], truck);

            var expected = rows
                .Where(r => (!truck.Truck || r.TruckParkingSpaces > 0) && (!truck.Hazmat || r.HazmatAllowed))
                .Select(r => (r.Id, Position: corridor.Locate(r.Lat, r.Lon)))
                .Where(r => r.Position is not null)
                .Select(r => (r.Id, r.Position!.Value))
                .OrderBy(r => r.Id).ToList();
            var actual = CorridorStations.Find(index, corridor, filter).OrderBy(r => r.Id).ToList();

            Assert.True(expected.SequenceEqual(actual), $"seed {Seed + shape.Length}, {shape} round {round}, corridor {corridorM} m: expected {expected.Count} stations, got {actual.Count}");
        }
    }

    private static List<LatLon> Route(string shape, Random random)
    {
        var (lat, lon) = (39.5 + random.NextDouble(), 116 + random.NextDouble());
        var route = new List<LatLon>();
        switch (shape)
        {
            case "zig-zag":
                for (var i = 0; i < 400; i++)
                {
                    route.Add(new LatLon(lat + (i % 2) * 0.003, lon + i * 0.0001));
                }
                break;
            case "out and back":
                for (var i = 0; i < 30; i++)
                {
                    route.Add(new LatLon(lat + i * 0.01, lon + i * 0.004));
                }
                route.AddRange(route.Take(29).Reverse().Select(p => p with { Lon = p.Lon + 0.002 }).ToList());
                break;
            case "antimeridian":
                for (var i = 0; i < 20; i++)
                {
                    route.Add(new LatLon(-20 + i * 0.01, i % 2 == 0 ? 179.99 : -179.99));
                }
                break;
            case "pole":
                for (var i = 0; i < 24; i++)
                {
                    route.Add(new LatLon(89.97, -180 + i * 15));
                }
                break;
            default:
                for (var i = 0; i < 60; i++)
                {
                    route.Add(new LatLon(lat, lon));
                    (lat, lon) = (lat + (random.NextDouble() - 0.3) * 0.05, lon + (random.NextDouble() - 0.3) * 0.05);
                }
                break;
        }
        return route;
    }
}
