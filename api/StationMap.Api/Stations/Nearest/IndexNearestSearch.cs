using StationMap.Api.Checkins;
using StationMap.Domain.Nearest;
using StationMap.Domain.Queries;

namespace StationMap.Api.Stations.Nearest;

/// <summary>The memory path of a nearest query: the same answer as <see cref="DatabaseNearestSearch"/>, from a <see cref="StationIndex"/>.</summary>
public static class IndexNearestSearch
{
    public static NearestResponse Find(StationIndex index, NearestQuery query, DateTimeOffset now, StationStatusBoard board)
    {
        Span<NearestHit> hits = stackalloc NearestHit[query.K];
        var filter = new NearestFilter(query, now) { Excluded = query.ExcludeReportedClosed ? id => board.IsReportedClosed(id, now) : null };
        var count = index.Nearest(query.Lat, query.Lon, filter, hits);
        var items = new List<NearestItem>(count);
        foreach (var hit in hits[..count])
        {
            var s = index[hit.Position];
            var status = OpeningStatus.At(s.OpeningHours, now, new(s.Lat, s.Lon));
            items.Add(new NearestItem(
                StationSummary.Of(s) with { Status = board.Report(s.Id, now) },
                Math.Round(hit.DistanceM, 2),
                Math.Round(hit.BearingDegrees, 1),
                status));
        }
        return new NearestResponse(new Origin(query.Lat, query.Lon), items);
    }
}
