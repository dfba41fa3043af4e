namespace StationMap.Domain.Places;

/// <summary>
/// A street address as the matcher compares it: the road (what follows the last 省/市/区/县, so that
/// <c>北京市朝阳区建国路88号</c>, <c>朝阳区建国路８８号</c> and <c>建国路88号</c> agree) and the house number.
/// </summary>
public sealed class PlaceAddress
{
    private PlaceAddress(string road, int[] bigrams, string? number)
    {
        Road = road;
        RoadBigrams = bigrams;
        Number = number;
    }

    /// <summary>The folded road part: everything after the administrative divisions, without the house number.</summary>
    public string Road { get; }

    internal int[] RoadBigrams { get; }

    /// <summary>The house number (<c>88</c> of <c>88号</c>), or null when the address has none.</summary>
    public string? Number { get; }

    /// <summary>The address, or null when there is none or nothing of it is left once folded.</summary>
    public static PlaceAddress? Of(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }
        var text = PlaceText.Squeeze(PlaceText.Fold(address));
        // The last division marker that leaves at least three characters: a road name and a number.
        var cut = -1;
        for (var i = 0; i < text.Length - 3; i++)
        {
            if (text[i] is '省' or '市' or '区' or '县')
            {
                cut = i;
            }
        }
        text = text[(cut + 1)..];
        string? number = null;
        var hao = text.LastIndexOf('号');
        if (hao > 0 && char.IsAsciiDigit(text[hao - 1]))
        {
            var start = hao;
            while (start > 0 && char.IsAsciiDigit(text[start - 1]))
            {
                start--;
            }
            number = text[start..hao];
            // 甲88号 is another door than 88号.
            if (start > 0 && text[start - 1] is '甲' or '乙' or '丙' or '丁')
            {
                start--;
                number = text[start] + number;
            }
            text = text[..start] + text[(hao + 1)..];
        }
        return text.Length == 0 && number is null ? null : new PlaceAddress(text, PlaceName.BigramsOf(text), number);
    }

    /// <summary>
    /// Whether two addresses name the same door (<see cref="Agreement.Same"/>), another one
    /// (<see cref="Agreement.Different"/>: the same road with another number, or another road), or cannot tell.
    /// Roads are compared by Dice of their bigrams: an abbreviation (建外大街 for 建国门外大街) scores about 0.67, two roads
    /// that share only their kind (红旗大街, 中华大街) 0.4, and 朝阳门内大街 against 朝阳门外大街 0.57, so the same road
    /// needs 0.6 and a road below that is another.
    /// </summary>
    public Agreement Compare(PlaceAddress other)
    {
        var road = PlaceName.Dice(RoadBigrams, other.RoadBigrams);
        if (road < 0.6)
        {
            return Agreement.Different;
        }
        if (Number is null || other.Number is null)
        {
            return Agreement.Unknown;
        }
        return Number == other.Number ? Agreement.Same : Agreement.Different;
    }
}
