using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Npgsql;
using StationMap.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace StationMap.Browser.Tests;

/// <summary>
/// The map over 200,000 stations, drawn from vector tiles: at every zoom each station in view is drawn once, on its own
/// or in a cluster's count; a view's tiles stay within the page's byte budget; a filter narrows markers and list alike.
/// What "in view" holds is counted in PostGIS, never read from the tiles.
/// </summary>
public sealed class StationTilesTests(GeneratedMapSite site, ITestOutputHelper output) : IClassFixture<GeneratedMapSite>
{
    private const double TiananmenLon = 116.3975;
    private const double TiananmenLat = 39.9087;
    private const string Amenity = "microwave";

    /// <summary>What one view's station tiles may cost on the wire at zoom 11 over central Beijing: the page's budget.</summary>
    private const long ViewBudgetBytes = 150 * 1024;

    /// <summary>The bound on any view: a desktop screen of single stations at zoom 14 is the largest.</summary>
    private const long AnyViewBytes = 256 * 1024;

    [Theory]
    [InlineData(360, 640)]
    [InlineData(1280, 800)]
    public async Task Every_station_in_view_is_counted_once_at_every_zoom_within_the_byte_budget(int width, int height)
    {
        var traffic = new TileTraffic();
        var page = await site.OpenAsync(width: width, height: height, watch: traffic.Watch);

        foreach (var zoom in new[] { 5, 8, 11, 14 })
        {
            await JumpAsync(page, zoom);
            var drawn = await DrawnAsync(page);
            var cells = CellBox.Inside(drawn);
            var (inView, onEdge) = await CountStationsAsync(cells, amenity: null);
            var (tiles, bytes) = await traffic.AtZoomAsync(zoom);
            output.WriteLine($"{width}x{height} zoom {zoom}: {drawn.Features.Length} features, counts drawn {cells.CountDrawn(drawn)}, " +
                $"stations in view {inView} ({onEdge} within a tile unit of its edge), {tiles} tiles, {bytes} bytes ({traffic.Encodings})");
            await MapSite.ScreenshotAsync(page, $"tiles-{width}x{height}-z{zoom}");

            Assert.True(inView > 0, "no station in view: the test proves nothing");
            Assert.InRange(cells.CountDrawn(drawn), inView - onEdge, inView + onEdge);
            Assert.InRange(bytes, 1, zoom == 11 ? ViewBudgetBytes : AnyViewBytes);
        }
    }

    [Fact]
    public async Task The_amenity_filter_narrows_the_markers_and_the_list_alike()
    {
        var page = await site.OpenAsync();
        await page.RunAndWaitForResponseAsync(
            () => page.ClickAsync("#locate"), r => r.Url.Contains("/api/stations/nearest", StringComparison.Ordinal));
        await page.WaitForSelectorAsync("#nearest li button.station");
        // The filter panel open before the first look, so the map keeps its size between the two.
        await page.ClickAsync("#filters-toggle");
        await JumpAsync(page, 15);
        var before = await DrawnAsync(page);
        var all = before.StationIds();
        var withAmenity = await WithAmenityAsync(all);
        Assert.NotEqual(all.Count, withAmenity.Count);

        await page.RunAndWaitForResponseAsync(
            () => page.ClickAsync($"[data-filter='amenity:{Amenity}']"),
            r => r.Url.Contains("/tiles/stations/", StringComparison.Ordinal) && r.Url.Contains($"amenity={Amenity}", StringComparison.Ordinal));
        await page.WaitForFunctionAsync("() => !document.getElementById('panel').hasAttribute('aria-busy')");
        await MapSite.MapIdleAsync(page);
        await MapSite.ScreenshotAsync(page, "tiles-amenity-filter");

        // Markers: exactly the stations drawn before that have the amenity.
        var drawn = await DrawnAsync(page);
        Assert.Equal(withAmenity.Order(), drawn.StationIds().Order());
        // List: the API's nearest with the same filter, and each listed station in view is among the markers.
        var nearest = (await site.Api.GetFromJsonAsync<NearestAnswer>(
            $"/api/stations/nearest?lat={TiananmenLat:F6}&lon={TiananmenLon:F6}&k=10&amenity={Amenity}"))!.Items;
        var listed = await page.Locator("#nearest button.station").EvaluateAllAsync<long[]>("els => els.map(e => Number(e.dataset.stationId))");
        Assert.Equal(nearest.Select(i => i.Id), listed);
        Assert.All(nearest.Where(i => drawn.Shows(i.Lon, i.Lat)), i => Assert.Contains(i.Id, drawn.StationIds()));

        // Clusters too: at zoom 11 the counts drawn add up to the stations in view that have the amenity.
        await JumpAsync(page, 11);
        var zoomedOut = await DrawnAsync(page);
        var cells = CellBox.Inside(zoomedOut);
        var (inView, onEdge) = await CountStationsAsync(cells, Amenity);
        var (unfiltered, _) = await CountStationsAsync(cells, amenity: null);
        Assert.InRange(cells.CountDrawn(zoomedOut), inView - onEdge, inView + onEdge);
        Assert.True(inView < unfiltered, "the filter left every station in view");
    }

    private static async Task JumpAsync(IPage page, int zoom)
    {
        await page.EvaluateAsync(
            "([lon, lat, zoom]) => new Promise(resolve => { const m = document.getElementById('map').stationMap;" +
            " m.once('idle', () => resolve(true)); m.jumpTo({ center: [lon, lat], zoom }); })",
            new object[] { TiananmenLon, TiananmenLat, zoom });
    }

    /// <summary>What the map draws of the station tiles, once per feature (a tile's buffer repeats its neighbours' edges).</summary>
    private static async Task<Drawn> DrawnAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>("""
            () => {
              const m = document.getElementById('map').stationMap;
              const b = m.getBounds();
              const seen = new Set();
              const features = [];
              for (const f of m.queryRenderedFeatures({ layers: ['clusters', 'stations'] })) {
                const [lon, lat] = f.geometry.coordinates;
                const station = f.layer.id === 'stations';
                const key = station ? `s${f.properties.id}` : `c${lon.toFixed(7)},${lat.toFixed(7)},${f.properties.count}`;
                if (seen.has(key)) continue;
                seen.add(key);
                features.push({ id: station ? f.properties.id : 0, count: station ? 1 : f.properties.count, lon, lat });
              }
              return JSON.stringify({ zoom: m.getZoom(), west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth(), features });
            }
            """);
        return JsonSerializer.Deserialize<Drawn>(json, JsonSerializerOptions.Web)!;
    }

    /// <summary>
    /// Live stations inside the cells (EPSG:3857, as the map projects them) and how many lie within one tile unit
    /// (1/4096 of a tile) of the cells' edge, where a drawn position cannot tell in from out.
    /// </summary>
    private async Task<(long InView, long OnEdge)> CountStationsAsync(CellBox cells, string? amenity)
    {
        await using var connection = new NpgsqlConnection(site.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            WITH p AS (
                SELECT ST_X(m) AS x, ST_Y(m) AS y
                FROM (SELECT ST_Transform(location, 3857) AS m FROM station
                      WHERE retired_at IS NULL AND (@amenity::text IS NULL OR amenities @> ARRAY[@amenity::text])) s)
            SELECT count(*) FILTER (WHERE x >= @x0 AND x < @x1 AND y > @y1 AND y <= @y0),
                   count(*) FILTER (WHERE x BETWEEN @x0 - @e AND @x1 + @e AND y BETWEEN @y1 - @e AND @y0 + @e
                                    AND NOT (x BETWEEN @x0 + @e AND @x1 - @e AND y BETWEEN @y1 + @e AND @y0 - @e))
            FROM p
            """, connection);
        command.Parameters.AddWithValue("amenity", (object?)amenity ?? DBNull.Value);
        command.Parameters.AddWithValue("x0", cells.West);
        command.Parameters.AddWithValue("x1", cells.East);
        command.Parameters.AddWithValue("y0", cells.North);
        command.Parameters.AddWithValue("y1", cells.South);
        command.Parameters.AddWithValue("e", cells.TileUnit);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private async Task<List<long>> WithAmenityAsync(IReadOnlyCollection<long> ids)
    {
        await using var connection = new NpgsqlConnection(site.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT id FROM station WHERE id = ANY(@ids) AND amenities @> ARRAY[@amenity]", connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        command.Parameters.AddWithValue("amenity", Amenity);
        var found = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found.Add(reader.GetInt64(0));
        }
        return found;
    }

    private sealed record DrawnFeature(long Id, long Count, double Lon, double Lat);

    private sealed record Drawn(double Zoom, double West, double South, double East, double North, DrawnFeature[] Features)
    {
        public List<long> StationIds() => Features.Where(f => f.Id != 0).Select(f => f.Id).ToList();

        public bool Shows(double lon, double lat) => lon > West && lon < East && lat > South && lat < North;
    }

    /// <summary>
    /// The tiles' cells (1/8 of a tile a side) wholly inside the view, in EPSG:3857 metres: a cluster stands at the mean of
    /// its cell's stations, so it is inside these cells exactly when its stations are.
    /// </summary>
    private sealed record CellBox(double West, double East, double North, double South, double TileUnit, int Zoom)
    {
        private const double WorldMetres = 2 * Math.PI * 6378137;

        public static CellBox Inside(Drawn view)
        {
            var zoom = (int)Math.Floor(view.Zoom);
            var cells = Math.Pow(2, zoom) * 8;
            var west = Math.Ceiling(X(view.West) * cells);
            var east = Math.Floor(X(view.East) * cells);
            var north = Math.Ceiling(Y(view.North) * cells);
            var south = Math.Floor(Y(view.South) * cells);
            return new CellBox(
                (west / cells - 0.5) * WorldMetres, (east / cells - 0.5) * WorldMetres,
                (0.5 - north / cells) * WorldMetres, (0.5 - south / cells) * WorldMetres,
                WorldMetres / Math.Pow(2, zoom) / 4096, zoom);
        }

        /// <summary>The sum of the counts drawn in these cells: one per station, a cluster's count per cluster.</summary>
        public long CountDrawn(Drawn view) => view.Features
            .Where(f =>
            {
                var x = (X(f.Lon) - 0.5) * WorldMetres;
                var y = (0.5 - Y(f.Lat)) * WorldMetres;
                return x >= West && x < East && y > South && y <= North;
            })
            .Sum(f => f.Count);

        // Web Mercator from 0 (west, north) to 1 (east, south), as MapLibre places tiles.
        private static double X(double lon) => (lon + 180) / 360;

        private static double Y(double lat)
        {
            var phi = lat * Math.PI / 180;
            return (1 - Math.Log(Math.Tan(phi) + 1 / Math.Cos(phi)) / Math.PI) / 2;
        }
    }

    private sealed record NearestAnswer(IReadOnlyList<NearestItem> Items);

    private sealed record NearestItem(long Id, double Lat, double Lon);

    /// <summary>The station tiles a page fetched, with their size on the wire (body as sent, compressed or not, and headers).</summary>
    private sealed class TileTraffic
    {
        private readonly ConcurrentQueue<(string Url, Task<RequestSizesResult> Sizes)> _fetched = new();

        private readonly ConcurrentDictionary<string, int> _encodings = new();

        /// <summary>The Content-Encodings the tiles came in, for the report.</summary>
        public string Encodings => string.Join(", ", _encodings.Keys);

        public void Watch(IPage page) => page.Response += (_, response) =>
        {
            if (response.Url.Contains("/tiles/stations/", StringComparison.Ordinal))
            {
                _encodings.TryAdd(response.Headers.GetValueOrDefault("content-encoding", "identity"), 0);
                _fetched.Enqueue((response.Url, response.Request.SizesAsync()));
            }
        };

        public async Task<(int Tiles, long Bytes)> AtZoomAsync(int zoom)
        {
            var atZoom = _fetched.Where(t => new Uri(t.Url).Segments[3] == $"{zoom}/").ToList();
            long bytes = 0;
            foreach (var (_, sizes) in atZoom)
            {
                var s = await sizes;
                bytes += s.ResponseBodySize + s.ResponseHeadersSize;
            }
            return (atZoom.Count, bytes);
        }
    }
}
