using StationMap.Domain.Geo;

namespace StationMap.Import.Normalising;

/// <summary>The datum an input file's coordinates are in; everything is stored as WGS-84.</summary>
public enum CoordinateSystem
{
    Wgs84,
    Gcj02,
    Bd09,
}

public static class CoordinateSystems
{
    public static IReadOnlyList<string> WireNames { get; } = ["wgs84", "gcj02", "bd09"];

    public static string ToWire(this CoordinateSystem crs) => WireNames[(int)crs];

    public static bool TryParse(string? text, out CoordinateSystem crs)
    {
        var index = WireNames.ToList().IndexOf(text?.Trim().ToLowerInvariant().Replace("-", "", StringComparison.Ordinal) ?? "");
        crs = index < 0 ? default : (CoordinateSystem)index;
        return index >= 0;
    }

    /// <summary>The WGS-84 position of <paramref name="p"/> given in <paramref name="crs"/>.</summary>
    public static LatLon ToWgs84(this CoordinateSystem crs, LatLon p) => crs switch
    {
        CoordinateSystem.Gcj02 => ChinaCoordinates.Gcj02ToWgs84(p),
        CoordinateSystem.Bd09 => ChinaCoordinates.Bd09ToWgs84(p),
        _ => p,
    };
}
