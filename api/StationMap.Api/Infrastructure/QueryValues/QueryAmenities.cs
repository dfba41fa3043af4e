using StationMap.Domain;

namespace StationMap.Api.Infrastructure.QueryValues;

/// <summary>Amenities a station must all have, comma-separated (<c>toilet,hot_water</c>).</summary>
public sealed class QueryAmenities : QueryList
{
    private QueryAmenities(string raw) : base(raw)
    {
    }

    /// <summary>The set named; none when the parameter is absent.</summary>
    public static Amenity Of(QueryAmenities? value)
    {
        var set = Amenity.None;
        foreach (var item in value is null || value.IsBlank ? [] : value.Items)
        {
            set |= Amenities.TryParse(item, out var amenity) ? amenity : Amenity.None;
        }
        return set;
    }

    public static bool TryParse(string? text, out QueryAmenities value)
    {
        value = new QueryAmenities(text ?? "");
        return true;
    }

    protected override bool IsKnown(string item) => Amenities.TryParse(item, out _);

    protected override string Unknown(string item) => $"unknown amenity '{item}'; expected any of {string.Join(", ", Amenities.WireNames)}";
}
