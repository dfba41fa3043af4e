using StationMap.DemoData;
using StationMap.Domain.Nearest;

namespace StationMap.Benchmarks.Nearest;

/// <summary>
/// The in-memory index over the generated stations every bench uses (<c>load-generated</c>'s generator and region), so
/// runs in process see the same stations, with the same ids, as the database and the API of the same run.
/// </summary>
internal static class GeneratedIndex
{
    public static StationIndex Build(int count, int seed) => Rows(count, seed).Build(version: 1);

    // Station ids are 1..count in generation order, as a fresh load-generated database numbers them.
    public static StationIndexBuilder Rows(int count, int seed)
    {
        var builder = new StationIndexBuilder(count);
        long id = 0;
        foreach (var s in StationGenerator.Generate(count, seed, GeneratorRegion.Jingjinji))
        {
            builder.Add(new StationIndexRow(++id, s.Kind, s.Name, s.Address, s.District, s.Lat, s.Lon, s.Amenities, s.OpeningHours,
                s.TruckParkingSpaces, s.MaxVehicleLengthM, s.HazmatAllowed, s.Host));
        }
        return builder;
    }
}
