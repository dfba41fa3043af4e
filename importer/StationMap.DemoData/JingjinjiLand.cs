namespace StationMap.DemoData;

/// <summary>
/// Where generated points may fall: the bounding box of Beijing, Tianjin and Hebei, less the Bohai Sea, which the
/// coast from Huanghua to Shanhaiguan bounds; the coast is drawn as a staircase of boxes, close enough to keep
/// stations off the water.
/// </summary>
internal static class JingjinjiLand
{
    public const double MinLat = 36.0;
    public const double MaxLat = 42.7;
    public const double MinLon = 113.4;
    public const double MaxLon = 119.9;

    // (north edge, west edge) of each box of sea, south of the north edge and east of the west edge, from 38.2°N up.
    private static readonly (double North, double West)[] Sea =
    [
        (39.05, 117.80),
        (39.20, 118.00),
        (39.45, 118.90),
        (39.75, 119.30),
        (39.88, 119.55),
        (39.97, 119.70),
    ];

    private const double SeaSouth = 38.2;

    public static bool Contains(double lat, double lon)
    {
        if (lat < MinLat || lat > MaxLat || lon < MinLon || lon > MaxLon)
        {
            return false;
        }
        if (lat < SeaSouth)
        {
            return true;
        }
        foreach (var (north, west) in Sea)
        {
            if (lat < north && lon > west)
            {
                return false;
            }
        }
        return true;
    }
}
