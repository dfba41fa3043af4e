using System.Globalization;
using StationMap.Domain;

namespace StationMap.DemoData;

/// <summary>
/// Makes one synthetic station at a given point of a place: kind, host, name, address, amenities, hours, truck
/// attributes and phone, all drawn from <see cref="Random"/>'s integer and double draws in a fixed order.
/// Shared by <see cref="BeijingDemo"/> and <see cref="StationGenerator"/>.
/// </summary>
internal static class StationSynthesizer
{
    private static readonly WeightedTable<string> Sides = WeightedTable<string>.Uniform(["东侧", "西侧", "南侧", "北侧"]);
    private static readonly double[] TruckLengthsM = [12, 13.75, 16.5, 17.5, 18];
    private static readonly int[] PowersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];
    private static readonly string[] PhoneFormats = ["D0", "D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8"];

    public static StationRecord Create(Random random, string externalId, Place place, double lat, double lon)
    {
        var area = Pick(random, place.Neighbourhoods);
        var workersHome = random.Next(1000) < Hosts.WorkersHomePermille;
        var host = workersHome ? Hosts.UnionOffice : Hosts.DrawWarmStationHost(random, place);
        var name = workersHome ? Hosts.WorkersHomeName(random, area) : host.Name(random, place, area);
        var onHighway = host == Hosts.PetrolStation && place.Highways.Length > 0 && place.Setting != Setting.Core && random.Next(2) == 0;
        var address = onHighway ? HighwayAddress(random, place, area) : StreetAddress(random, place, area);
        var amenities = host.DrawAmenities(random);
        var hours = DemoOpeningHours.Draw(random, host);
        var phone = Phone(random, place);

        var takesTrucks = host == Hosts.PetrolStation && random.Next(1000) < place.TruckPetrolPermille;
        return new StationRecord
        {
            ExternalId = externalId,
            Kind = workersHome ? StationKind.WorkersHome : StationKind.WarmStation,
            Name = name,
            Address = address,
            District = place.District,
            Lat = lat,
            Lon = lon,
            Amenities = takesTrucks ? amenities | Amenity.TruckParking : amenities,
            OpeningHours = hours,
            TruckParkingSpaces = takesTrucks ? random.Next(4, 31) : null,
            MaxVehicleLengthM = takesTrucks ? TruckLengthsM[random.Next(TruckLengthsM.Length)] : null,
            HazmatAllowed = takesTrucks && random.Next(100) < 8,
            Phone = phone,
            Host = host.Wire,
        };
    }

    /// <summary>A landline of the place, or (one in twelve) none.</summary>
    public static string? Phone(Random random, Place place)
    {
        if (random.Next(12) == 0)
        {
            return null;
        }
        var number = random.Next(PowersOfTen[place.PhoneDigits]);
        return place.PhonePrefix + number.ToString(PhoneFormats[place.PhoneDigits], CultureInfo.InvariantCulture);
    }

    // "北京市朝阳区建国路88号", "河北省保定市涿州市人民路12号" (in the countryside the county comes first), sometimes "甲88号".
    private static string StreetAddress(Random random, Place place, string area)
    {
        var road = Pick(random, place.Roads);
        var number = random.Next(20) == 0 ? "甲" + Number(random) : Number(random);
        return place.Setting == Setting.Countryside
            ? string.Concat(place.AddressPrefix, area, road, number, "号")
            : string.Concat(place.AddressPrefix, road, number, "号");
    }

    // "北京市房山区107国道窦店段东侧", "河北省保定市涿州市107国道西侧".
    private static string HighwayAddress(Random random, Place place, string area)
    {
        var highway = Pick(random, place.Highways);
        return place.Setting == Setting.Countryside
            ? string.Concat(place.AddressPrefix, area, highway, Sides.Pick(random))
            : string.Concat(place.AddressPrefix, highway, area, "段", Sides.Pick(random));
    }

    // House numbers: mostly low, as on real streets.
    private static string Number(Random random) =>
        (random.Next(3) == 0 ? random.Next(1, 400) : random.Next(1, 100)).ToString(CultureInfo.InvariantCulture);

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
}
