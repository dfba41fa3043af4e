using StationMap.Domain.Nearest;
using StationMap.Domain.Queries;

namespace StationMap.Domain.Tests.Nearest;

/// <summary>
/// Pages of live stations (OGC API – Features items) against a linear scan with the same filters, on seeded random
/// stations: each page holds the ids the scan puts next to the cursor, counts every match, and says whether more
/// follow; paging forward or back visits every match once.
/// </summary>
public sealed class StationListPageTests
{
    private const int Seed = 20_261_203;

    [Theory]
    [MemberData(nameof(RandomStations.Layouts), MemberType = typeof(RandomStations))]
    public void A_page_is_the_linear_scan_next_to_the_cursor(string layout, int count)
    {
        var random = new Random(Seed + count);
        var (rows, index) = Index(layout, count, random);
        for (var q = 0; q < 300; q++)
        {
            var query = RandomQuery(layout, rows, random);
            var matches = LinearScan(rows, query);
            var page = StationListPage.Of(index, query);
            var admitted = matches.Where(query.Cursor.Admits).ToList();
            var expected = query.Cursor.Backward ? admitted.TakeLast(query.Limit).ToList() : admitted.Take(query.Limit).ToList();
            var actual = page.Positions.Select(p => index[p].Id).ToList();
            Assert.True(expected.SequenceEqual(actual), $"seed {Seed + count}, {layout} query {q}: expected [{string.Join(",", expected)}] got [{string.Join(",", actual)}]");
            Assert.Equal(matches.Count, page.Matched);
            Assert.Equal(admitted.Count > query.Limit, page.More);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(500)]
    public void Paging_forward_and_back_visits_every_match_once(int limit)
    {
        var random = new Random(Seed);
        var (rows, index) = Index("world", 3_000, random);
        var query = new StationListQuery { Kinds = [StationKind.WarmStation, StationKind.WorkersHome], Limit = limit };
        var expected = LinearScan(rows, query);

        var forward = new List<long>();
        for (var page = StationListPage.Of(index, query); ; page = StationListPage.Of(index, query))
        {
            forward.AddRange(page.Positions.Select(p => index[p].Id));
            Assert.Equal(expected.Count, page.Matched);
            if (!page.More)
            {
                break;
            }
            query = query with { Cursor = PageCursor.After(forward[^1]) };
        }
        Assert.Equal(expected, forward);

        var backward = new List<long>();
        query = query with { Cursor = PageCursor.Before(long.MaxValue) };
        for (var page = StationListPage.Of(index, query); ; page = StationListPage.Of(index, query))
        {
            backward.InsertRange(0, page.Positions.Select(p => index[p].Id));
            if (!page.More)
            {
                break;
            }
            query = query with { Cursor = PageCursor.Before(backward[0]) };
        }
        Assert.Equal(expected, backward);
    }

    private static (List<StationIndexRow> Rows, StationIndex Index) Index(string layout, int count, Random random)
    {
        var rows = RandomStations.Rows(layout, count, random);
        var builder = new StationIndexBuilder(count);
        foreach (var row in rows.OrderBy(_ => random.Next()))
        {
            builder.Add(row);
        }
        return (rows, builder.Build(version: 1));
    }

    private static StationListQuery RandomQuery(string layout, List<StationIndexRow> rows, Random random)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var cursorId = ids.Count > 0 && random.NextDouble() < 0.7 ? ids[random.Next(ids.Count)] + random.Next(-1, 2) : random.Next(0, 10_000);
        return new StationListQuery
        {
            Boxes = random.Next(4) switch
            {
                0 => [],
                1 => [Box(layout, random)],
                // across the antimeridian: the two halves a client's one box stands for
                2 => [new(170 + random.NextDouble() * 10, -60, 180, 60), new(-180, -60, -170 + random.NextDouble() * 10, 60)],
                _ => [Box(layout, random), new(-180, -90, -179, 90)],
            },
            Kinds = random.NextDouble() < 0.5 ? [] : [.. Enum.GetValues<StationKind>().Where(_ => random.NextDouble() < 0.5)],
            Amenities = random.NextDouble() < 0.6 ? Amenity.None : (Amenity)(1 << random.Next(16)),
            District = random.Next(3) switch { 0 => $"district {random.Next(6)}", _ => null },
            Cursor = random.Next(3) switch
            {
                0 => PageCursor.First,
                1 => PageCursor.After(cursorId),
                _ => PageCursor.Before(cursorId),
            },
            Limit = random.Next(4) switch { 0 => 1, 1 => random.Next(1, 20), 2 => random.Next(20, 400), _ => 5_000 },
        };
    }

    private static BoundingBox Box(string layout, Random random)
    {
        var (lat1, lon1) = RandomStations.Point(layout, random);
        var (lat2, lon2) = RandomStations.Point(layout, random);
        // Away from the other box of the query, which covers longitudes -180 to -179.
        return new(Math.Max(-178.5, Math.Min(lon1, lon2)), Math.Min(lat1, lat2), Math.Max(-178, Math.Max(lon1, lon2)), Math.Max(lat1, lat2));
    }

    private static List<long> LinearScan(List<StationIndexRow> rows, StationListQuery query) =>
        [.. rows.Where(r => query.Boxes.Count == 0 || query.Boxes.Any(b => b.Contains(r.Lat, r.Lon)))
            .Where(r => query.Kinds.Count == 0 || query.Kinds.Contains(r.Kind))
            .Where(r => r.Amenities.HasAll(query.Amenities))
            .Where(r => query.District is null || r.District == query.District)
            .Select(r => r.Id)
            .Order()];
}
