namespace StationMap.DemoData;

/// <summary>How built-up a place is; it sets the mix of hosts.</summary>
internal enum Setting
{
    Core,
    Suburban,
    Countryside,
}

/// <summary>
/// A cluster that stations are drawn around: a Beijing district, a city core, or a city's countryside.
/// Points follow a Gaussian of <see cref="SpreadKm"/> around the centre, kept within <see cref="RadiusKm"/>.
/// </summary>
internal sealed record Place
{
    public required Province Province { get; init; }

    /// <summary>What <c>StationRecord.District</c> says: "朝阳区" in Beijing, the city ("保定市") elsewhere.</summary>
    public required string District { get; init; }

    /// <summary>The start of every address: "北京市朝阳区", "河北省保定市".</summary>
    public required string AddressPrefix { get; init; }

    /// <summary>City name inside bank branch names ("中国工商银行北京朝阳门支行"); empty in the countryside, where the county names the branch.</summary>
    public required string BranchCity { get; init; }

    /// <summary>Area code and first digit of landlines, "010-6"; <see cref="PhoneDigits"/> digits follow.</summary>
    public required string PhonePrefix { get; init; }

    public required int PhoneDigits { get; init; }

    public required double Lat { get; init; }

    public required double Lon { get; init; }

    public required double SpreadKm { get; init; }

    public required double RadiusKm { get; init; }

    /// <summary>Relative share of stations (Beijing: percent; Jingjinji: thousands of residents).</summary>
    public required int Weight { get; init; }

    public required Setting Setting { get; init; }

    /// <summary>Sub-districts, towns or (in the countryside) counties that name branches and estates.</summary>
    public required string[] Neighbourhoods { get; init; }

    public required string[] Roads { get; init; }

    /// <summary>Highways and national roads, for roadside petrol stations outside the core.</summary>
    public string[] Highways { get; init; } = [];

    /// <summary>Per mille of petrol-station hosts that take heavy trucks.</summary>
    public int TruckPetrolPermille { get; init; }
}
