using StationMap.Domain.Places;
using Xunit.Abstractions;

namespace StationMap.Domain.Tests.Places;

/// <summary>
/// Each hand-written pair (<c>tests/cases/places/pairs.json</c>) on its own: never a wrong link; a pair of one station
/// is linked unless marked hard (those count in <see cref="LabelledSetTests"/>' confusion table).
/// </summary>
public sealed class HandWrittenPairsTests(ITestOutputHelper output)
{
    private static readonly PlaceMatcher Matcher = new(new MatchSettings { MaybeGcj02Sources = LabelledRecords.MaybeGcj02 });

    [Fact]
    public void There_are_at_least_a_hundred_of_both_kinds()
    {
        Assert.True(HandWrittenPairs.All.Count >= 100);
        Assert.True(HandWrittenPairs.All.Count(p => p.Same) >= 40);
        Assert.True(HandWrittenPairs.All.Count(p => !p.Same) >= 40);
    }

    [Fact]
    public void No_pair_of_two_stations_is_linked_and_every_easy_pair_of_one_is()
    {
        var failures = new List<string>();
        foreach (var pair in HandWrittenPairs.All)
        {
            var band = HandWrittenPairs.Outcome(Matcher, pair);
            output.WriteLine($"{pair.Number,3} {(pair.Same ? "same" : "diff")} {band,-8} {pair.A.Name} | {pair.B.Name} ({pair.Note})");
            if (!pair.Same && band == MatchBand.Match)
            {
                failures.Add($"pair {pair.Number} ({pair.Note}) is two stations but was linked");
            }
            if (pair.Same && !pair.Hard && band != MatchBand.Match)
            {
                failures.Add($"pair {pair.Number} ({pair.Note}) is one station but was {band}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
