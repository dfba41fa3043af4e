using StationMap.Domain.Geo;
using StationMap.Domain.Hours;
using StationMap.Domain.Nearest;
using StationMap.Domain.Queries;

namespace StationMap.Domain.Tests.Nearest;

/// <summary>
/// The nearest index against a linear scan ranked by (geodesic distance, id) with the same filters, on seeded random
/// stations: clustered and world-wide, with shared coordinates (exact ties), across the poles and the antimeridian.
/// </summary>
public sealed class StationIndexTests
{
    private const int Seed = 20_261_124;

    private static readonly DateTimeOffset[] Instants =
    [
        new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8)),
        new(2026, 11, 29, 3, 30, 0, TimeSpan.FromHours(8)),
        // National Day, its make-up working Sunday, and a year the holiday calendar does not cover
        new(2026, 10, 1, 10, 0, 0, TimeSpan.FromHours(8)),
        new(2026, 9, 20, 10, 0, 0, TimeSpan.FromHours(8)),
        new(2027, 3, 1, 10, 0, 0, TimeSpan.FromHours(8)),
    ];

    [Theory]
    [MemberData(nameof(RandomStations.Layouts), MemberType = typeof(RandomStations))]
    public void Nearest_equals_a_linear_scan_with_every_filter(string layout, int count)
    {
        var random = new Random(Seed + count);
        var rows = RandomStations.Rows(layout, count, random);
        var builder = new StationIndexBuilder(count);
        foreach (var row in rows.OrderBy(_ => random.Next()))
        {
            builder.Add(row);
        }
        var index = builder.Build(version: 42);
        Assert.Equal(42, index.Version);
        Assert.Equal(count, index.Count);

        var hits = new NearestHit[NearestQuery.MaxK];
        for (var q = 0; q < 400; q++)
        {
            var query = RandomQuery(layout, rows, random);
            var now = Instants[q % Instants.Length];
            var n = index.Nearest(query.Lat, query.Lon, new NearestFilter(query, now), hits.AsSpan(0, query.K));
            var expected = LinearScan(rows, query, now);
            var actual = hits.Take(n).Select(h => (index[h.Position].Id, h.DistanceM)).ToList();
            Assert.True(
                expected.Select(e => e.Id).SequenceEqual(actual.Select(a => a.Id)),
                $"seed {Seed + count}, {layout} query {q} {query}: expected [{string.Join(",", expected)}] got [{string.Join(",", actual)}]");
            Assert.Equal(expected.Select(e => e.DistanceM), actual.Select(a => a.DistanceM));
        }
    }

    [Fact]
    public void A_station_reads_back_as_it_was_added()
    {
        var builder = new StationIndexBuilder(1);
        builder.Add(new StationIndexRow(
            7, StationKind.CheckpointRestStop, "Checkpoint", "Road 1", "Fangshan", 39.7, 115.9, Amenity.Toilet | Amenity.TruckParking, "24/7"));
        var index = builder.Build(1);
        var s = index[0];
        Assert.Equal((7L, StationKind.CheckpointRestStop, "Checkpoint", "Road 1", "Fangshan", 39.7, 115.9, Amenity.Toilet | Amenity.TruckParking, "24/7"),
            (s.Id, s.Kind, s.Name, s.Address, s.District, s.Lat, s.Lon, s.Amenities, s.OpeningHoursText));
        Assert.True(s.OpeningHours!.IsAlwaysOpen);
    }

    [Fact]
    public void Every_station_is_found_by_its_id_and_no_other_id_is()
    {
        var random = new Random(Seed);
        var rows = RandomStations.Rows("city", 2_000, random);
        var builder = new StationIndexBuilder(rows.Count);
        foreach (var row in rows.OrderBy(_ => random.Next()))
        {
            builder.Add(row);
        }
        var index = builder.Build(1);
        foreach (var row in rows)
        {
            Assert.True(index.TryFind(row.Id, out var found), $"station {row.Id} not found");
            Assert.Equal((row.Id, row.Lat, row.Lon, row.Name), (found.Id, found.Lat, found.Lon, found.Name));
        }
        var ids = rows.Select(r => r.Id).ToHashSet();
        foreach (var missing in Enumerable.Range(0, 500).Select(_ => random.NextInt64(-10, ids.Max() + 10)).Where(id => !ids.Contains(id)))
        {
            Assert.False(index.TryFind(missing, out _));
        }
    }

    private static List<(long Id, double DistanceM)> LinearScan(List<StationIndexRow> rows, NearestQuery query, DateTimeOffset now) =>
        rows.Where(r => query.Kinds.Count == 0 || query.Kinds.Contains(r.Kind))
            .Where(r => r.Amenities.HasAll(query.Amenities))
            .Where(r => !query.Truck || r.TruckParkingSpaces > 0)
            .Where(r => query.VehicleLengthM is not { } length || r.MaxVehicleLengthM >= length)
            .Where(r => !query.Hazmat || r.HazmatAllowed)
            .Where(r => !query.OpenNow || (OpeningHours.TryParse(r.OpeningHours, out var hours, out _) && hours.IsOpenAt(now, new(r.Lat, r.Lon)) == true))
            .Select(r => (r.Id, DistanceM: Geodesy.DistanceMeters(query.Lat, query.Lon, r.Lat, r.Lon)))
            .Where(r => query.MaxDistanceM is not { } max || r.DistanceM <= max)
            .OrderBy(r => r.DistanceM).ThenBy(r => r.Id)
            .Take(query.K)
            .ToList();

    private static NearestQuery RandomQuery(string layout, List<StationIndexRow> rows, Random random)
    {
        var (lat, lon) = rows.Count > 0 && random.NextDouble() < 0.1 ? RandomStations.At(rows[random.Next(rows.Count)]) : RandomStations.Point(layout, random);
        return new NearestQuery
        {
            Lat = lat,
            Lon = lon,
            K = random.NextDouble() < 0.8 ? random.Next(1, 21) : random.Next(1, NearestQuery.MaxK + 1),
            Kinds = Enum.GetValues<StationKind>().Where(_ => random.NextDouble() < 0.3).ToArray(),
            Amenities = random.NextDouble() < 0.5 ? Amenity.None : (Amenity)(1L << random.Next(16)) | (random.NextDouble() < 0.3 ? (Amenity)(1L << random.Next(16)) : Amenity.None),
            OpenNow = random.NextDouble() < 0.3,
            Truck = random.NextDouble() < 0.2,
            VehicleLengthM = random.NextDouble() < 0.2 ? new[] { 9.6, 12, 16.9, 17.5, 18 }[random.Next(5)] : null,
            Hazmat = random.NextDouble() < 0.15,
            MaxDistanceM = random.NextDouble() < 0.3 ? 100 * Math.Pow(1e5, random.NextDouble()) : null,
        };
    }
}
