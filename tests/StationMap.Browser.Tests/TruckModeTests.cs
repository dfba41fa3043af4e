using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using StationMap.Browser.Tests.Infrastructure;

namespace StationMap.Browser.Tests;

/// <summary>Truck mode on the map page: the lists it shows are the API's answers, in the API's order.</summary>
public sealed class TruckModeTests(MapSite site) : IClassFixture<MapSite>
{
    [Fact]
    public async Task A_checkpoint_lists_the_truck_stops_that_fit_nearest_first()
    {
        var page = await site.OpenAsync();
        await page.ClickAsync("#truck-toggle");
        await page.WaitForSelectorAsync("#truck-checkpoint option", new() { State = WaitForSelectorState.Attached });
        var checkpoint = await page.InputValueAsync("#truck-checkpoint");
        await SetLengthAsync(page, "18");
        await page.CheckAsync("#truck-hazmat");

        await page.RunAndWaitForResponseAsync(
            () => page.ClickAsync("#truck-checkpoint-stops"), r => r.Url.Contains("/stops?", StringComparison.Ordinal));
        await page.WaitForSelectorAsync("#truck-stops button.station");

        var expected = await site.Api.GetFromJsonAsync<JsonElement>($"/api/checkpoints/{checkpoint}/stops?k=10&vehicleLengthM=18&hazmat=true");
        var ids = expected.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToArray();
        Assert.NotEmpty(ids);
        Assert.Equal(ids, await ListedIdsAsync(page));
        await MapSite.ScreenshotAsync(page, "truck-checkpoint");
    }

    [Fact]
    public async Task A_pasted_route_lists_its_stops_in_the_order_they_come()
    {
        var route = await File.ReadAllTextAsync(Path.Combine(MapSite.RepositoryRoot, "importer", "StationMap.DemoData", "fangshan-route.geojson"));
        var page = await site.OpenAsync();
        await page.ClickAsync("#truck-toggle");
        await page.ClickAsync(".truck-paste summary");
        await page.FillAsync("#truck-route", route);
        await page.FillAsync("#truck-corridor", "2000");
        await page.Locator("#truck-corridor").DispatchEventAsync("change");

        await page.RunAndWaitForResponseAsync(
            () => page.ClickAsync("#truck-route-stops"), r => r.Url.EndsWith("/api/routes/stops", StringComparison.Ordinal));
        await page.WaitForSelectorAsync("#truck-stops button.station");

        var body = $$"""{"route": {{route}}, "corridorM": 2000, "truck": true, "hazmat": false}""";
        var response = await site.Api.PostAsync("/api/routes/stops", new StringContent(body, Encoding.UTF8, "application/json"));
        var expected = await response.Content.ReadFromJsonAsync<JsonElement>();
        var ids = expected.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToArray();
        Assert.True(ids.Length >= 3);
        Assert.Equal(ids, await ListedIdsAsync(page));
        await MapSite.ScreenshotAsync(page, "truck-route");
    }

    [Fact]
    public async Task A_route_drawn_by_taps_lists_and_marks_the_same_stops_as_the_api_for_the_same_points()
    {
        var page = await site.OpenAsync(width: 1280, height: 800);
        await page.ClickAsync("#truck-toggle");
        await page.FillAsync("#truck-corridor", "2000");
        await page.Locator("#truck-corridor").DispatchEventAsync("change");
        // Three points of the demo's G107 through Fangshan, tapped where the map shows them.
        double[][] road = [[116.205, 39.82], [116.19, 39.8], [116.176, 39.778]];
        await page.EvaluateAsync(
            "() => new Promise(resolve => { const m = document.getElementById('map').stationMap;" +
            " m.once('idle', () => resolve(true)); m.jumpTo({ center: [116.19, 39.8], zoom: 12 }); })");
        await page.ClickAsync("#truck-draw");
        Assert.Equal("true", await page.GetAttributeAsync("#truck-draw", "aria-pressed"));

        var box = (await page.Locator("#map").BoundingBoxAsync())!;
        IRequest? sent = null;
        foreach (var (point, i) in road.Select((p, i) => (p, i)))
        {
            var pixel = await page.EvaluateAsync<double[]>(
                "p => { const q = document.getElementById('map').stationMap.project(p); return [q.x, q.y]; }", point);
            var tap = () => page.Mouse.ClickAsync((float)(box.X + pixel[0]), (float)(box.Y + pixel[1]));
            if (i < road.Length - 1)
            {
                await tap();
            }
            else
            {
                sent = await page.RunAndWaitForRequestAsync(tap, r => r.Url.EndsWith("/api/routes/stops", StringComparison.Ordinal));
            }
        }
        await page.WaitForSelectorAsync("#truck-stops button.station");
        await page.WaitForFunctionAsync("() => !document.querySelector('#truck-stops').closest('[aria-busy=true]')");

        // The road sent is the taps, to within a pixel of zoom 12 (about 15 m here).
        var body = JsonDocument.Parse(sent!.PostData!).RootElement;
        var sentRoad = body.GetProperty("route").GetProperty("coordinates").EnumerateArray()
            .Select(c => c.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        Assert.Equal(road.Length, sentRoad.Length);
        foreach (var (tapped, asked) in road.Zip(sentRoad))
        {
            Assert.InRange(Math.Abs(tapped[0] - asked[0]), 0, 0.0005);
            Assert.InRange(Math.Abs(tapped[1] - asked[1]), 0, 0.0005);
        }

        var response = await site.Api.PostAsync("/api/routes/stops", new StringContent(sent.PostData!, Encoding.UTF8, "application/json"));
        var expected = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("id").GetInt64()).ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await ListedIdsAsync(page));
        // Marked on the map in the list's order, and the road drawn through the taps.
        var marked = await page.EvaluateAsync<long[]>(
            "() => document.getElementById('map').stationMap.querySourceFeatures('route-stops')" +
            ".sort((a, b) => a.properties.order - b.properties.order).map(f => f.properties.id)");
        Assert.Equal(expected, marked.Distinct().ToArray());
        await MapSite.MapIdleAsync(page);
        Assert.True(await MapSite.DrawnCountAsync(page, "route-line") > 0, "the road is not drawn");
        Assert.Equal(road.Length, await MapSite.DrawnCountSettlesAtAsync(page, "route-points", road.Length));
        await MapSite.ScreenshotAsync(page, "truck-route-drawn", "truck-route.png");

        // Undo takes the last tap back, and one point alone asks for no stops.
        await page.ClickAsync("#truck-draw-undo");
        await page.ClickAsync("#truck-draw-undo");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#truck-stops button.station').length === 0");
        Assert.Equal(1, await MapSite.DrawnCountSettlesAtAsync(page, "route-points", 1));
    }

    [Fact]
    public async Task While_truck_mode_is_open_the_markers_show_only_the_stops_that_fit_the_vehicle()
    {
        var checkpoints = await site.Api.GetFromJsonAsync<JsonElement>("/api/checkpoints");
        var checkpoint = checkpoints.GetProperty("features")[0].GetProperty("id").GetInt64();
        var stops = await site.Api.GetFromJsonAsync<JsonElement>($"/api/checkpoints/{checkpoint}/stops?k=1&vehicleLengthM=18&hazmat=true");
        var stop = stops.GetProperty("items")[0];
        double[] at = [stop.GetProperty("lon").GetDouble(), stop.GetProperty("lat").GetDouble()];
        var page = await site.OpenAsync(width: 1280, height: 800);
        await JumpAsync(page, at, 11);
        var before = await DrawnAsync(page);

        await page.ClickAsync("#truck-toggle");
        await page.FillAsync("#truck-length", "18");
        await page.Locator("#truck-length").DispatchEventAsync("change");
        await page.CheckAsync("#truck-hazmat");
        await page.WaitForFunctionAsync(
            "() => document.getElementById('map').stationMap.getSource('stations').tiles[0].includes('hazmat=true')");
        await MapSite.MapIdleAsync(page);
        var during = await DrawnAsync(page);
        Assert.InRange(during.Total, 1, before.Total - 1);

        // Close up, every station drawn is one that fits, the checkpoint's stop among them.
        await JumpAsync(page, at, 15);
        var near = await DrawnAsync(page);
        Assert.Contains(stop.GetProperty("id").GetInt64(), near.Stations.Select(s => s.Id));
        Assert.All(near.Stations, s => Assert.True(s.Truck && s.Hazmat && s.MaxVehicleLengthM >= 18, $"station {s.Id} does not fit the vehicle"));

        // Closing truck mode brings every station back.
        await page.ClickAsync("#truck-toggle");
        await page.WaitForFunctionAsync(
            "() => !document.getElementById('map').stationMap.getSource('stations').tiles[0].includes('truck=')");
        await JumpAsync(page, at, 11);
        Assert.Equal(before.Total, (await DrawnAsync(page)).Total);
    }

    private sealed record DrawnStation(long Id, bool Truck, bool Hazmat, double? MaxVehicleLengthM);

    /// <summary>The stations drawn on their own, and every station drawn (clusters by their counts), once per feature.</summary>
    private sealed record Drawn(List<DrawnStation> Stations, long Total);

    private static Task JumpAsync(IPage page, double[] at, int zoom) => page.EvaluateAsync(
        "([lon, lat, zoom]) => new Promise(resolve => { const m = document.getElementById('map').stationMap;" +
        " m.once('idle', () => resolve(true)); m.jumpTo({ center: [lon, lat], zoom }); })",
        new object[] { at[0], at[1], zoom });

    private static async Task<Drawn> DrawnAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>("""
            () => {
              const seen = new Set();
              const stations = [];
              let total = 0;
              for (const f of document.getElementById('map').stationMap.queryRenderedFeatures({ layers: ['clusters', 'stations'] })) {
                const [lon, lat] = f.geometry.coordinates;
                const key = f.layer.id === 'stations' ? `s${f.properties.id}` : `c${lon},${lat}`;
                if (seen.has(key)) continue;
                seen.add(key);
                if (f.layer.id === 'clusters') { total += f.properties.count; continue; }
                total += 1;
                const p = f.properties;
                stations.push({ id: p.id, truck: !!p.truck, hazmat: !!p.hazmat, maxVehicleLengthM: p.maxVehicleLengthM ?? null });
              }
              return JSON.stringify({ stations, total });
            }
            """);
        return JsonSerializer.Deserialize<Drawn>(json, JsonSerializerOptions.Web)!;
    }

    [Fact]
    public async Task A_route_that_is_not_geojson_is_said_so()
    {
        var page = await site.OpenAsync();
        await page.ClickAsync("#truck-toggle");
        await page.ClickAsync(".truck-paste summary");
        await page.FillAsync("#truck-route", "G107 southbound");
        await page.ClickAsync("#truck-route-stops");
        await page.WaitForFunctionAsync("() => document.getElementById('truck-status').textContent.length > 0");
        Assert.Contains("GeoJSON", await page.InnerTextAsync("#truck-status"), StringComparison.Ordinal);
    }

    private static async Task SetLengthAsync(IPage page, string metres)
    {
        await page.FillAsync("#truck-length", metres);
        await page.Locator("#truck-length").DispatchEventAsync("change");
    }

    private static Task<long[]> ListedIdsAsync(IPage page) =>
        page.Locator("#truck-stops button.station").EvaluateAllAsync<long[]>("els => els.map(e => Number(e.dataset.stationId))");
}
