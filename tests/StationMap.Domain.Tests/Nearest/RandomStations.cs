using StationMap.Domain.Nearest;

namespace StationMap.Domain.Tests.Nearest;

/// <summary>
/// Seeded random stations for the index's tests: in a city, world-wide, or at the poles and the antimeridian, every
/// tenth or so on another's coordinates (exact ties), with random kinds, amenities, hours and truck attributes.
/// </summary>
public static class RandomStations
{
    /// <summary>The layouts the tests run on, with how many stations each has.</summary>
    public static TheoryData<string, int> Layouts() => new()
    {
        { "city", 5_000 },
        { "world", 3_000 },
        { "poles and antimeridian", 2_000 },
        { "few", 7 },
        { "none", 0 },
    };

    private static readonly string?[] HoursTexts =
        [null, "24/7", "Mo-Fr 08:00-20:00", "Sa,Su 10:00-16:00", "not hours at all", "22:00-06:00", "Mo-Fr 09:00-17:00; PH off", "sunrise-sunset"];

    internal static List<StationIndexRow> Rows(string layout, int count, Random random)
    {
        var rows = new List<StationIndexRow>(count);
        for (var i = 0; i < count; i++)
        {
            // Every tenth station or so shares the coordinates of another: exact ties, broken by id.
            var (lat, lon) = i > 0 && random.NextDouble() < 0.1 ? At(rows[random.Next(rows.Count)]) : Point(layout, random);
            rows.Add(new StationIndexRow(
                Id: 1 + i * 3 + random.Next(3),
                Kind: (StationKind)random.Next(3),
                Name: $"station {i}",
                Address: random.NextDouble() < 0.5 ? null : $"road {i}",
                District: random.NextDouble() < 0.5 ? null : $"district {i % 5}",
                Lat: lat,
                Lon: lon,
                Amenities: (Amenity)random.Next(1 << 16) & (Amenity)random.Next(1 << 16),
                OpeningHours: HoursTexts[random.Next(HoursTexts.Length)],
                TruckParkingSpaces: random.NextDouble() < 0.5 ? null : random.Next(0, 4),
                MaxVehicleLengthM: random.NextDouble() < 0.5 ? null : new[] { 9.6, 12, 16.9, 17.5, 22 }[random.Next(5)],
                HazmatAllowed: random.NextDouble() < 0.3));
        }
        return rows;
    }

    internal static (double Lat, double Lon) At(StationIndexRow row) => (row.Lat, row.Lon);

    internal static (double Lat, double Lon) Point(string layout, Random random) => layout switch
    {
        "city" => (39.6 + random.NextDouble() * 0.7, 115.9 + random.NextDouble()),
        "poles and antimeridian" => random.Next(3) switch
        {
            0 => (89 + random.NextDouble(), -180 + random.NextDouble() * 360),
            1 => (-90 + random.NextDouble(), -180 + random.NextDouble() * 360),
            _ => (-60 + random.NextDouble() * 120, random.NextDouble() < 0.5 ? 179 + random.NextDouble() : -180 + random.NextDouble()),
        },
        _ => (-80 + random.NextDouble() * 160, -180 + random.NextDouble() * 360),
    };
}
