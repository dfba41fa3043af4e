using StationMap.Domain.Places;

namespace StationMap.Domain.Tests.Places;

/// <summary>The record a place shows: source priority, then the freshest, then by key.</summary>
public sealed class PlacePinsTests
{
    private static readonly DateTimeOffset Day = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_source_with_the_best_priority_wins_over_a_fresher_record()
    {
        var records = new[] { new PinCandidate(1, "osm", "n1", Day.AddDays(5)), new PinCandidate(2, "union", "u1", Day) };
        Assert.Equal(1, PlacePins.Best(records, new Dictionary<string, int> { ["union"] = 10, ["osm"] = 50 }));
    }

    [Fact]
    public void Between_equal_priorities_the_freshest_wins_then_the_first_key()
    {
        var records = new[] { new PinCandidate(5, "b", "1", Day), new PinCandidate(6, "a", "9", Day), new PinCandidate(7, "c", "1", Day.AddHours(1)) };
        var none = new Dictionary<string, int>();
        Assert.Equal(2, PlacePins.Best(records, none));
        Assert.Equal(1, PlacePins.Best(records[..2], none));
        Assert.Equal(0, PlacePins.Best([records[1], records[0]], none));
    }

    [Fact]
    public void A_source_without_a_priority_comes_after_one_with_a_small_number()
    {
        var records = new[] { new PinCandidate(1, "new-list", "x", Day.AddDays(1)), new PinCandidate(2, "union", "u", Day) };
        Assert.Equal(1, PlacePins.Best(records, new Dictionary<string, int> { ["union"] = PlacePins.DefaultPriority - 1 }));
        Assert.Equal(-1, PlacePins.Best([], new Dictionary<string, int>()));
    }
}
