namespace StationMap.Domain.Tests;

public sealed class VocabularyTests
{
    [Theory]
    [InlineData("warm_station", StationKind.WarmStation)]
    [InlineData("workers_home", StationKind.WorkersHome)]
    [InlineData(" Checkpoint_Rest_Stop ", StationKind.CheckpointRestStop)]
    public void Kinds_round_trip_through_their_wire_names(string wire, StationKind kind)
    {
        Assert.True(StationKinds.TryParse(wire, out var parsed));
        Assert.Equal(kind, parsed);
        Assert.Equal(wire.Trim().ToLowerInvariant(), kind.ToWire());
    }

    [Fact]
    public void Every_amenity_has_one_distinct_wire_name_and_bit()
    {
        var names = Amenities.WireNames.ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        var all = Amenity.None;
        foreach (var name in names)
        {
            Assert.True(Amenities.TryParse(name, out var amenity));
            Assert.Equal(Amenity.None, all & amenity);
            all |= amenity;
        }
        Assert.Equal(names, Amenities.ToWire(all));
        Assert.Equal(all, Amenities.FromWire(names));
        Assert.False(Amenities.TryParse("sauna", out _));
    }

    [Fact]
    public void Has_all_means_every_required_amenity()
    {
        var set = Amenity.Toilet | Amenity.HotWater | Amenity.Wifi;
        Assert.True(set.HasAll(Amenity.Toilet | Amenity.Wifi));
        Assert.True(set.HasAll(Amenity.None));
        Assert.False(set.HasAll(Amenity.Toilet | Amenity.Microwave));
    }
}
