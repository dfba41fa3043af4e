using System.Collections.Concurrent;
using StationMap.Domain;
using StationMap.Domain.Nearest;
using StationMap.Domain.Queries;

namespace StationMap.Api.Stations.Nearest;

/// <summary>The memory path of a nearest query: the same answer as <see cref="DatabaseNearestSearch"/>, from a <see cref="StationIndex"/>.</summary>
public static class IndexNearestSearch
{
    // Wire names per amenity set: stations share a few thousand sets at most (16 flags), and the serializer only reads them.
    private static readonly ConcurrentDictionary<Amenity, string[]> WireAmenities = new();

    public static NearestResponse Find(StationIndex index, NearestQuery query, DateTimeOffset now)
    {
        Span<NearestHit> hits = stackalloc NearestHit[query.K];
        var count = index.Nearest(query.Lat, query.Lon, new NearestFilter(query, now), hits);
        var items = new List<NearestItem>(count);
        foreach (var hit in hits[..count])
        {
            var s = index[hit.Position];
            var status = OpeningStatus.At(s.OpeningHours, now);
            items.Add(new NearestItem(
                StationSummary.Of(s, WireAmenities.GetOrAdd(s.Amenities, Amenities.ToWire)),
                Math.Round(hit.DistanceM, 2),
                Math.Round(hit.BearingDegrees, 1),
                status));
        }
        return new NearestResponse(new Origin(query.Lat, query.Lon), items);
    }
}
