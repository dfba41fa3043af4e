using StationMap.Domain.Tiles;

namespace StationMap.Domain.Tests.Tiles;

/// <summary>The tile grid's maths: which tile holds a point, at the grid's edges too, and the Morton keys.</summary>
public sealed class TileGridTests
{
    [Theory]
    [InlineData(-180.0, 0)]
    [InlineData(180.0, 1)]
    [InlineData(0.0, 1)]
    [InlineData(-1e-12, 0)]
    [InlineData(179.99999999, 1)]
    public void Longitude_edges_belong_to_the_tile_east_of_them_and_180_to_the_last_column(double lon, int column)
    {
        Assert.Equal(column, TileGrid.TileOf(0, lon, 1).X);
        Assert.Equal(column, TileGrid.TileOf(0, lon, TileGrid.MaxZoom).X >> (TileGrid.MaxZoom - 1));
    }

    [Fact]
    public void Longitude_180_is_in_the_last_column_at_every_zoom()
    {
        for (var z = 0; z <= TileGrid.MaxZoom; z++)
        {
            Assert.Equal((1 << z) - 1, TileGrid.TileOf(12.5, 180, z).X);
            Assert.Equal(0, TileGrid.TileOf(12.5, -180, z).X);
        }
    }

    [Theory]
    [InlineData(TileGrid.MaxLatitude, 0)]
    [InlineData(85.06, 0)]
    [InlineData(90.0, 0)]
    [InlineData(-TileGrid.MaxLatitude, (1 << 16) - 1)]
    [InlineData(-85.06, (1 << 16) - 1)]
    [InlineData(-90.0, (1 << 16) - 1)]
    public void Latitudes_at_or_beyond_the_grid_edge_fall_in_its_first_or_last_row(double lat, int row)
    {
        Assert.Equal(row, TileGrid.TileOf(lat, 116, 16).Y);
        Assert.Equal(row >> 16, TileGrid.TileOf(lat, 116, 0).Y);
    }

    [Fact]
    public void The_tile_of_a_point_is_the_tile_whose_bounds_hold_it_north_and_west_edges_inclusive()
    {
        var random = new Random(16);
        for (var i = 0; i < 200_000; i++)
        {
            var z = random.Next(0, TileGrid.MaxZoom + 1);
            var lat = -TileGrid.MaxLatitude + random.NextDouble() * 2 * TileGrid.MaxLatitude;
            var lon = random.Next(10) == 0 ? TileGrid.LonOf(z, random.NextInt64(1L << z)) : -180 + random.NextDouble() * 360;
            var tile = TileGrid.TileOf(lat, lon, z);
            Assert.True(tile.IsValid);
            var (west, south, east, north) = TileGrid.Bounds(tile);
            Assert.True(west <= lon && (lon < east || lon == 180), $"{lon} not in [{west}, {east}) at {tile}");
            // Within a hair of a row edge the two formulas may round either way: that is what the counting tests are for.
            if (Math.Abs(lat - south) > 1e-9 && Math.Abs(lat - north) > 1e-9)
            {
                Assert.True(south < lat && lat <= north, $"{lat} not in ({south}, {north}] at {tile}");
            }
        }
    }

    [Fact]
    public void Morton_keys_round_trip_and_a_tile_holds_exactly_the_keys_of_its_prefix()
    {
        var random = new Random(17);
        for (var i = 0; i < 100_000; i++)
        {
            var (x, y) = ((uint)random.NextInt64(1L << 32), (uint)random.NextInt64(1L << 32));
            var key = TileGrid.Morton(x, y);
            Assert.Equal((x, y), (TileGrid.MortonX(key), TileGrid.MortonY(key)));
            var z = random.Next(0, TileGrid.MaxZoom + 1);
            var tile = new TileId(z, (int)((ulong)x >> (32 - z)), (int)((ulong)y >> (32 - z)));
            Assert.InRange(key, TileGrid.FirstKey(tile), TileGrid.LastKey(tile));
        }
        Assert.Equal((0UL, ulong.MaxValue), (TileGrid.FirstKey(new TileId(0, 0, 0)), TileGrid.LastKey(new TileId(0, 0, 0))));
        var last = new TileId(TileGrid.MaxZoom, (1 << TileGrid.MaxZoom) - 1, (1 << TileGrid.MaxZoom) - 1);
        Assert.Equal(ulong.MaxValue, TileGrid.LastKey(last));
    }

    [Theory]
    [InlineData(-1, 0, 0)]
    [InlineData(23, 0, 0)]
    [InlineData(0, 1, 0)]
    [InlineData(3, 0, 8)]
    [InlineData(3, -1, 0)]
    [InlineData(22, 1 << 22, 0)]
    public void Tiles_outside_the_grid_are_not_valid(int z, int x, int y) => Assert.False(new TileId(z, x, y).IsValid);
}
