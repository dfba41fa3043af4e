using StationMap.Domain.Places;
using Xunit.Abstractions;

namespace StationMap.Domain.Tests.Places;

/// <summary>
/// The matcher on the labelled set (generated records with realistic noise, and the hand-written pairs): precision
/// and recall of the automatic links, the share sent to review, and the same places whatever the order of the input.
/// </summary>
public sealed class LabelledSetTests(ITestOutputHelper output)
{
    private static readonly PlaceMatcher Matcher = new(new MatchSettings { MaybeGcj02Sources = LabelledRecords.MaybeGcj02 });

    [Fact]
    public void Automatic_links_are_precise_and_complete_and_few_pairs_need_review()
    {
        var records = LabelledRecords.Generated;
        var match = Matcher.Match([.. records.Select(r => r.Record)], []);
        var generated = PairConfusion.Of([.. records.Select(r => (r.Record.Id, r.Station))], match);
        output.WriteLine(generated.Table($"generated set ({records.Count} records of {records.Select(r => r.Station).Distinct().Count()} stations)"));

        var hand = HandWrittenPairs.Confusion(Matcher);
        output.WriteLine(hand.Table($"hand-written pairs ({HandWrittenPairs.All.Count})"));

        var all = PairConfusion.Sum(generated, hand);
        output.WriteLine(all.Table("labelled set (both)"));
        Assert.True(generated.SamePairs > 1000, $"only {generated.SamePairs} pairs of one station: the set tests little");
        Assert.True(all.Precision >= 0.99, $"precision {all.Precision:P2}");
        Assert.True(all.Recall >= 0.95, $"recall {all.Recall:P2}");
        Assert.True(all.ReviewShare <= 0.10, $"review share {all.ReviewShare:P2}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_places_are_the_same_whatever_the_order_of_rows_and_imports(int seed)
    {
        var records = LabelledRecords.Generated.Select(r => r.Record).ToList();
        var expected = Outcome(records, Matcher.Match(records, []));

        // Another import order gives other ids, and rows come in another order.
        var random = new Random(seed);
        var ids = Enumerable.Range(1, records.Count).Select(i => (long)i * 7 + random.Next(7)).OrderBy(_ => random.Next()).ToList();
        var shuffled = records.Select((r, i) => r with { Id = ids[i] }).OrderBy(_ => random.Next()).ToList();
        var actual = Outcome(shuffled, Matcher.Match(shuffled, []));

        Assert.True(expected.Groups.Count > 500, $"only {expected.Groups.Count} places of two records or more");
        Assert.Equal(expected.Groups, actual.Groups);
        Assert.Equal(expected.Review, actual.Review);
    }

    [Fact]
    public void Copies_of_the_set_far_apart_are_matched_as_each_alone_however_the_work_is_split()
    {
        // Four copies two degrees apart: several thousand grid entries, so the candidate search is split between
        // workers, and a record's two readings (a GCJ-02-suspected source) may fall to different ones. Each copy alone
        // fits one worker; together they must give the same pairs, places and queue.
        var records = LabelledRecords.Generated.Select(r => r.Record).ToList();
        var copies = Enumerable.Range(0, 4).Select(c => records.Select(r => r with
        {
            Id = r.Id + c * 1_000_000L, ExternalId = $"{r.ExternalId}#{c}", Lat = r.Lat - 2 * c,
        }).ToList()).ToList();
        var alone = copies.Select(copy => Matcher.Match(copy, [])).ToList();
        var together = Matcher.Match([.. copies.SelectMany(c => c)], []);

        Assert.Equal(together.Review.Count, together.Review.Select(r => (r.StationA, r.StationB)).Distinct().Count());
        Assert.Equal(alone.Sum(m => m.Counts.Candidates), together.Counts.Candidates);
        Assert.Equal(alone.SelectMany(m => m.Groups).Select(g => string.Join(",", g)).Order(), together.Groups.Select(g => string.Join(",", g)).Order());
        Assert.Equal(alone.SelectMany(m => m.Review).Select(r => $"{r.StationA},{r.StationB},{r.Evidence.Score}").Order(),
            together.Review.Select(r => $"{r.StationA},{r.StationB},{r.Evidence.Score}").Order());
    }

    [Fact]
    public void An_operators_unlink_keeps_two_records_apart_and_a_link_joins_them()
    {
        var records = LabelledRecords.Generated.Select(r => r.Record).ToList();
        var before = Matcher.Match(records, []);
        var linked = before.Groups.First(g => g.Count == 2);
        var far = records.First(r => r.Id != linked[0] && r.Id != linked[1] && Math.Abs(r.Lat - records.First(x => x.Id == linked[0]).Lat) > 0.05);

        var after = Matcher.Match(records, [new PairDecision(linked[1], linked[0], Link: false), new PairDecision(linked[0], far.Id, Link: true)]);

        Assert.DoesNotContain(after.Groups, g => g.Contains(linked[0]) && g.Contains(linked[1]));
        Assert.Contains(after.Groups, g => g.Contains(linked[0]) && g.Contains(far.Id));
        Assert.DoesNotContain(after.Review, r => (r.StationA, r.StationB) == (linked[0], linked[1]) || (r.StationB, r.StationA) == (linked[0], linked[1]));
    }

    [Fact]
    public void A_place_never_holds_two_records_of_one_source_unless_an_operator_says_so()
    {
        var records = LabelledRecords.Generated.Select(r => r.Record).ToList();
        var byId = records.ToDictionary(r => r.Id);
        var match = Matcher.Match(records, []);
        Assert.All(match.Groups, g => Assert.Equal(g.Count, g.Select(id => byId[id].Source).Distinct().Count()));
    }

    // Groups and review pairs by keys, which are the same in every order; review pairs with their scores.
    private static (List<string> Groups, List<string> Review) Outcome(List<PlaceRecord> records, PlaceMatch match)
    {
        var key = records.ToDictionary(r => r.Id, r => r.Source + "/" + r.ExternalId);
        var groups = match.Groups.Select(g => string.Join(" ", g.Select(id => key[id]).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal).ToList();
        var review = match.Review.Select(r =>
        {
            var (a, b) = (key[r.StationA], key[r.StationB]);
            return string.CompareOrdinal(a, b) < 0 ? $"{a} {b} {r.Evidence.Score}" : $"{b} {a} {r.Evidence.Score}";
        }).Order(StringComparer.Ordinal).ToList();
        return (groups, review);
    }
}
