using System.Net;
using StationMap.Domain.Tiles;
using StationMap.Integration.Tests.Infrastructure;

namespace StationMap.Integration.Tests.Tiles;

/// <summary>The tiles follow the store: a retired station leaves them with the index swap, and the ETag moves with the data version.</summary>
public sealed class StationTilesSyncTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task A_retired_station_disappears_from_the_tiles_after_the_index_swap_and_the_etag_changes()
    {
        await using var factory = new StationMapFactory(database.ConnectionString);
        var client = factory.CreateClient();
        await NearestIndexProbe.WaitUntilCurrentAsync(client, database.DataSources.Write, TimeSpan.FromSeconds(30));
        var station = (await ReferenceStation.LoadAllAsync(database.DataSources.Read)).Where(s => !s.Retired).OrderBy(s => s.Id).Skip(100).First();
        var tile = TileGrid.TileOf(station.Lat, station.Lon, StationTiles.StationsFromZoom);
        var world = new TileId(0, 0, 0);

        var before = await TileClient.GetAsync(client, tile);
        var worldBefore = await TileClient.GetAsync(client, world);
        Assert.Contains(station.Id, before.StationIds);
        Assert.Equal(HttpStatusCode.NotModified, (await TileClient.GetAsync(client, tile, ifNoneMatch: before.ETag)).Status);

        await using (var retire = database.DataSources.Write.CreateCommand("UPDATE station SET retired_at = now() WHERE id = $1"))
        {
            retire.Parameters.AddWithValue(station.Id);
            Assert.Equal(1, await retire.ExecuteNonQueryAsync());
        }
        await NearestIndexProbe.WaitUntilCurrentAsync(client, database.DataSources.Write, TimeSpan.FromSeconds(10));

        // The tag the client holds names the old data version: no 304, the new tile without the station.
        var after = await TileClient.GetAsync(client, tile, ifNoneMatch: before.ETag);
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.DoesNotContain(station.Id, after.StationIds);
        Assert.Equal(before.Stations.Count - 1, after.Stations.Count);
        Assert.NotEqual(before.ETag, after.ETag);
        Assert.Equal($"W/\"t1-v{await NearestIndexProbe.StoreVersionAsync(database.DataSources.Write)}\"", after.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await TileClient.GetAsync(client, tile, ifNoneMatch: after.ETag)).Status);
        Assert.Equal(worldBefore.Count - 1, (await TileClient.GetAsync(client, world)).Count);
    }
}
