using System.Globalization;
using System.Net.Http.Json;
using StationMap.Browser.Tests.Infrastructure;
using StationMap.Domain.Geo;

namespace StationMap.Browser.Tests;

/// <summary>On a GCJ-02 basemap the page draws stations shifted to GCJ-02, so they sit on the basemap's streets.</summary>
public sealed class Gcj02BasemapTests(Gcj02MapSite site) : IClassFixture<Gcj02MapSite>
{
    [Fact]
    public async Task A_station_is_drawn_at_its_GCJ02_position()
    {
        var station = await site.Api.GetFromJsonAsync<Station>("/api/stations/1");

        var page = await site.OpenAsync($"/#/station/{station!.Id}");
        await page.WaitForSelectorAsync("#card:not([hidden]) #card-name");
        var gcj = ChinaCoordinates.Wgs84ToGcj02(new LatLon(station.Lat, station.Lon));
        // The map centres on the selected station in the basemap's datum once its animation ends.
        await page.WaitForFunctionAsync(
            "([lon, lat]) => { const c = document.getElementById('map').dataset.center; if (!c) return false;" +
            " const [x, y] = c.split(',').map(Number); return Math.abs(x - lon) < 1e-6 && Math.abs(y - lat) < 1e-6; }",
            new[] { gcj.Lon, gcj.Lat });

        var center = (await page.GetAttributeAsync("#map", "data-center"))!.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.True(Math.Abs(center[0] - station.Lon) > 1e-3, "the marker was not shifted from WGS-84");
        // The marker itself, from the tiles (asked for with crs=gcj02), sits there too, within a tile unit (1/4096 of a tile).
        await MapSite.MapIdleAsync(page);
        var marker = await page.EvaluateAsync<double[]>(
            "id => document.getElementById('map').stationMap.queryRenderedFeatures({ layers: ['stations'] })" +
            ".find(f => f.properties.id === id)?.geometry.coordinates ?? []", station.Id);
        Assert.Equal(2, marker.Length);
        Assert.Equal(gcj.Lon, marker[0], 0.00001);
        Assert.Equal(gcj.Lat, marker[1], 0.00001);
        Assert.Contains("高德地图", await page.InnerTextAsync(".maplibregl-ctrl-attrib"), StringComparison.Ordinal);
        await MapSite.ScreenshotAsync(page, "gcj02-basemap");
        // The page's policy lets in the configured tile host (Amap's), not only OpenStreetMap's.
        Assert.True(site.BlockedRequests > 0);
        Assert.Empty(MapSite.PolicyViolations(page));
    }

    private sealed record Station(long Id, string Name, double Lat, double Lon);
}
