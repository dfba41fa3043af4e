using StationMap.Domain.Nearest;
using StationMap.Domain.Tiles;

namespace StationMap.Domain.Tests.Tiles;

/// <summary>
/// Seeded stations for the tile tests: world-wide, a dense city block (so low-zoom cells hold hundreds and are
/// summarised), a block of identical stations (so whole summarised cells pass or fail a filter together), shared
/// coordinates, and the edges of the tile grid: longitude ±180, latitude ±85.0511 and beyond it to the poles, and
/// exact tile borders at many zooms.
/// </summary>
internal static class TileStations
{
    private static readonly string?[] HoursTexts =
        [null, "24/7", "Mo-Fr 08:00-20:00", "Sa,Su 10:00-16:00", "not hours at all", "22:00-06:00", "Mo-Fr 09:00-17:00; PH off", "sunrise-sunset"];

    public static List<StationIndexRow> Rows(int seed)
    {
        var random = new Random(seed);
        var points = new List<(double Lat, double Lon)>();
        for (var i = 0; i < 6000; i++)
        {
            points.Add((-89.9 + random.NextDouble() * 179.8, -180 + random.NextDouble() * 360));
        }
        for (var i = 0; i < 9000; i++)
        {
            points.Add((39.90 + random.NextDouble() * 0.03, 116.38 + random.NextDouble() * 0.04));
        }
        double[] edgeLats = [TileGrid.MaxLatitude, -TileGrid.MaxLatitude, 85.06, -85.06, 89.99, -89.99, 90, -90, 0];
        double[] edgeLons = [-180, 180, 0, -179.9999999, 179.9999999];
        foreach (var lat in edgeLats)
        {
            foreach (var lon in edgeLons)
            {
                points.Add((lat, lon));
            }
        }
        for (var i = 0; i < 1500; i++)
        {
            // Exactly on a column's west edge, on a row's north edge, or a hair (~0.1 mm) either side of it.
            var z = random.Next(1, 19);
            var lon = TileGrid.LonOf(z, random.NextInt64(1L << z));
            var lat = TileGrid.LatOf(z, random.NextInt64(1, 1L << z));
            var nudge = random.Next(3) switch { 0 => 0, 1 => 1e-9, _ => -1e-9 };
            points.Add(random.Next(3) switch
            {
                0 => (lat + nudge, -180 + random.NextDouble() * 360),
                1 => (-85 + random.NextDouble() * 170, lon),
                _ => (lat + nudge, lon),
            });
        }
        for (var i = 0; i < 1500; i++)
        {
            points.Add(points[random.Next(points.Count)]);
        }

        var rows = new List<StationIndexRow>(points.Count + 2000);
        foreach (var (lat, lon) in points)
        {
            rows.Add(new StationIndexRow(
                Id: 1 + rows.Count,
                Kind: (StationKind)random.Next(3),
                Name: $"station {rows.Count}",
                Address: null,
                District: null,
                Lat: lat,
                Lon: lon,
                Amenities: (Amenity)random.Next(1 << 16) & (Amenity)random.Next(1 << 16),
                OpeningHours: HoursTexts[random.Next(HoursTexts.Length)],
                TruckParkingSpaces: random.NextDouble() < 0.5 ? null : random.Next(0, 4),
                MaxVehicleLengthM: random.NextDouble() < 0.5 ? null : new[] { 9.6, 12, 16.9, 17.5, 22 }[random.Next(5)],
                HazmatAllowed: random.NextDouble() < 0.3));
        }
        // A block of alike stations: every summarised cell over it passes a toilet filter whole, or a workers_home one not at all.
        for (var i = 0; i < 2000; i++)
        {
            rows.Add(new StationIndexRow(
                1 + rows.Count, StationKind.WarmStation, $"block {i}", null, null,
                31.20 + random.NextDouble() * 0.02, 121.45 + random.NextDouble() * 0.02, Amenity.Toilet | Amenity.DrinkingWater, "24/7"));
        }
        return rows;
    }

    public static StationIndex Index(List<StationIndexRow> rows, int seed)
    {
        var random = new Random(seed);
        var builder = new StationIndexBuilder(rows.Count);
        foreach (var row in rows.OrderBy(_ => random.Next()))
        {
            builder.Add(row);
        }
        return builder.Build(version: 7);
    }
}
