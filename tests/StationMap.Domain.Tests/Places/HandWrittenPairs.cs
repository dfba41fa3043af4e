using System.Text.Json;
using StationMap.Domain.Geo;
using StationMap.Domain.Places;

namespace StationMap.Domain.Tests.Places;

/// <summary>A hand-written pair of <c>tests/cases/places/pairs.json</c>.</summary>
public sealed record HandWrittenPair(int Number, bool Same, bool Hard, string Note, PlaceRecord A, PlaceRecord B);

/// <summary>The hand-written pairs, and what the matcher makes of each on its own.</summary>
public static class HandWrittenPairs
{
    private const double MetresPerDegreeLat = 111_132.954;
    private const double MetresPerDegreeLon = 111_319.491;

    public static IReadOnlyList<HandWrittenPair> All { get; } = Read();

    /// <summary>Linked (a place of two), in review, or apart, when the matcher sees the two records alone.</summary>
    public static MatchBand Outcome(PlaceMatcher matcher, HandWrittenPair pair)
    {
        var match = matcher.Match([pair.A, pair.B], []);
        return match.Groups.Count == 1 ? MatchBand.Match : match.Review.Count == 1 ? MatchBand.Review : MatchBand.Distinct;
    }

    public static PairConfusion Confusion(PlaceMatcher matcher)
    {
        // Each pair matched alone, as its own little data set: two ids per pair, the truth by pair.
        var truth = new List<(long, string)>();
        var groups = new List<IReadOnlyList<long>>();
        var review = new List<(long, long)>();
        long candidates = 0;
        foreach (var pair in All)
        {
            var match = matcher.Match([pair.A, pair.B], []);
            candidates += match.Counts.Candidates;
            truth.Add((pair.A.Id, $"p{pair.Number}a"));
            truth.Add((pair.B.Id, pair.Same ? $"p{pair.Number}a" : $"p{pair.Number}b"));
            groups.AddRange(match.Groups);
            review.AddRange(match.Review.Select(r => (r.StationA, r.StationB)));
        }
        return PairConfusion.Of(truth, groups, review, candidates);
    }

    private static List<HandWrittenPair> Read()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(LabelledRecords.CasePath("pairs.json")));
        var pairs = new List<HandWrittenPair>();
        foreach (var pair in document.RootElement.GetProperty("pairs").EnumerateArray())
        {
            var number = pairs.Count + 1;
            var a = Record(pair.GetProperty("a"), number * 2 - 1, "a" + number, null);
            var b = Record(pair.GetProperty("b"), number * 2, "b" + number, a);
            pairs.Add(new HandWrittenPair(number, pair.GetProperty("same").GetBoolean(),
                pair.TryGetProperty("hard", out var hard) && hard.GetBoolean(), pair.GetProperty("note").GetString()!, a, b));
        }
        return pairs;
    }

    private static PlaceRecord Record(JsonElement json, long id, string externalId, PlaceRecord? from)
    {
        double lat, lon;
        if (json.TryGetProperty("offset", out var offset))
        {
            var east = offset[0].GetDouble();
            var north = offset[1].GetDouble();
            lat = from!.Lat + north / MetresPerDegreeLat;
            lon = from.Lon + east / (MetresPerDegreeLon * Math.Cos(from.Lat * Math.PI / 180));
        }
        else
        {
            lat = json.GetProperty("lat").GetDouble();
            lon = json.GetProperty("lon").GetDouble();
        }
        if (json.TryGetProperty("gcj02", out var gcj02) && gcj02.GetBoolean())
        {
            (lat, lon) = ChinaCoordinates.Wgs84ToGcj02(new LatLon(lat, lon));
        }
        var kind = StationKind.WarmStation;
        if (json.TryGetProperty("kind", out var k))
        {
            StationKinds.TryParse(k.GetString()!, out kind);
        }
        return new PlaceRecord
        {
            Id = id,
            Source = json.GetProperty("source").GetString()!,
            ExternalId = externalId,
            Kind = kind,
            Name = json.GetProperty("name").GetString()!,
            Address = Optional(json, "address"),
            Phone = Optional(json, "phone"),
            Host = Optional(json, "host"),
            Lat = lat,
            Lon = lon,
        };
    }

    private static string? Optional(JsonElement json, string property) =>
        json.TryGetProperty(property, out var value) ? value.GetString() : null;
}
