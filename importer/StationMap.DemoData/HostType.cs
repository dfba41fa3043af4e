using StationMap.Domain;

namespace StationMap.DemoData;

/// <summary>A kind of place that hosts stations: how its stations are named, what they offer and when they open.</summary>
internal sealed class HostType
{
    /// <summary>The value of <c>StationRecord.Host</c>, in snake_case.</summary>
    public required string Wire { get; init; }

    /// <summary>Each amenity with the per-mille chance that a station of this host has it.</summary>
    public required (Amenity Amenity, int Permille)[] AmenityOdds { get; init; }

    /// <summary>OpenStreetMap <c>opening_hours</c> values typical of this host.</summary>
    public required WeightedTable<string> Hours { get; init; }

    /// <summary>The station's name from the place and the neighbourhood it is in.</summary>
    public required Func<Random, Place, string, string> Name { get; init; }

    public Amenity DrawAmenities(Random random)
    {
        var amenities = Amenity.None;
        foreach (var (amenity, permille) in AmenityOdds)
        {
            if (random.Next(1000) < permille)
            {
                amenities |= amenity;
            }
        }
        return amenities;
    }
}
