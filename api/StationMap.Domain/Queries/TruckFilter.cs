namespace StationMap.Domain.Queries;

/// <summary>What a heavy-truck driver needs of a stop; the default lets every station through.</summary>
/// <param name="Truck">Only stations with truck parking (more than zero truck spaces).</param>
/// <param name="VehicleLengthM">Only stations whose longest bay takes a vehicle this long (unknown length: no).</param>
/// <param name="Hazmat">Only stations that accept vehicles carrying hazardous goods.</param>
public readonly record struct TruckFilter(bool Truck, double? VehicleLengthM, bool Hazmat)
{
    /// <summary>The longest vehicle anyone may ask about; China's legal maximum (GB 1589) is 22 m for a car carrier.</summary>
    public const double MaxVehicleLengthM = 30;

    /// <summary>What "truck-suitable" means for checkpoint stops: truck parking, plus whatever the driver adds.</summary>
    public TruckFilter RequiringTruckParking() => this with { Truck = true };
}
