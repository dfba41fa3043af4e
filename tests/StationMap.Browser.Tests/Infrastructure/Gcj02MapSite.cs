namespace StationMap.Browser.Tests.Infrastructure;

/// <summary>The map site configured with a GCJ-02 basemap (Amap's tiles), as a deployment in China would be.</summary>
public sealed class Gcj02MapSite : MapSite
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Map:TileUrl"] = "https://webrd01.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}",
        ["Map:Attribution"] = "© 高德地图",
        ["Map:BasemapCrs"] = "gcj02",
    };
}
