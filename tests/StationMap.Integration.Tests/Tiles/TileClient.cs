using System.Net;
using StationMap.Domain.Tiles;
using StationMap.Tests.Tiles;

namespace StationMap.Integration.Tests.Tiles;

/// <summary>Fetches station tiles over HTTP and reads them with the test-side decoder.</summary>
public static class TileClient
{
    public sealed record Tile(HttpStatusCode Status, byte[] Bytes, string? ETag, IReadOnlyDictionary<string, MvtDecoder.Layer> Layers)
    {
        public IReadOnlyList<MvtDecoder.Feature> Clusters => Layers.TryGetValue(StationTileEncoder.ClustersLayer, out var l) ? l.Features : [];

        public IReadOnlyList<MvtDecoder.Feature> Stations => Layers.TryGetValue(StationTileEncoder.StationsLayer, out var l) ? l.Features : [];

        /// <summary>Stations counted by the tile: cluster counts plus single stations.</summary>
        public long Count => Clusters.Sum(c => c.Long("count")) + Stations.Count;

        public IEnumerable<long> StationIds => Stations.Select(s => s.Long("id"));
    }

    public static string Path(TileId tile, string query = "") =>
        $"/tiles/stations/{tile.Z}/{tile.X}/{tile.Y}.mvt" + (query.Length > 0 ? "?" + query : "");

    public static async Task<Tile> GetAsync(HttpClient client, TileId tile, string query = "", string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Path(tile, query));
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }
        using var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType?.MediaType);
        }
        else if (response.StatusCode != HttpStatusCode.NotModified)
        {
            Assert.Fail($"{Path(tile, query)}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(bytes)}");
        }
        return new Tile(response.StatusCode, bytes, response.Headers.ETag?.ToString(),
            response.StatusCode == HttpStatusCode.OK ? MvtDecoder.Decode(bytes) : new Dictionary<string, MvtDecoder.Layer>());
    }

    /// <summary>The tiles at zoom <paramref name="z"/> covering a box of degrees.</summary>
    public static IEnumerable<TileId> Covering(double west, double south, double east, double north, int z)
    {
        var nw = TileGrid.TileOf(north, west, z);
        var se = TileGrid.TileOf(south, east, z);
        for (var x = nw.X; x <= se.X; x++)
        {
            for (var y = nw.Y; y <= se.Y; y++)
            {
                yield return new TileId(z, x, y);
            }
        }
    }
}
