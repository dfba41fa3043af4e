using StationMap.Api.Checkins;
using StationMap.Domain;
using StationMap.Domain.Geo;
using StationMap.Domain.Queries;
using StationMap.Store.Stations;

namespace StationMap.Api.Stations.Nearest;

/// <summary>
/// The database path of a nearest query. "Open now" depends on the clock and on hours the database cannot evaluate,
/// so with that filter it asks the store for a growing ranked prefix until k open stations are found.
/// </summary>
public sealed class DatabaseNearestSearch(StationQueries queries, OpeningHoursCache hours, StationStatusBoard board)
{
    // Past this many candidates an open-now search stops widening and answers with what it found.
    private const int MaxCandidates = 65_536;

    public async Task<NearestResponse> FindAsync(NearestQuery query, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var items = new List<NearestItem>(query.K);
        // Open now and reported closed are decided here, after the database: ask for more, and more again if needed.
        var limit = query.OpenNow || query.ExcludeReportedClosed ? Math.Max(query.K * 4, 32) : query.K;
        while (true)
        {
            var ranked = await queries.NearestAsync(query, limit, cancellationToken);
            items.Clear();
            foreach (var candidate in ranked)
            {
                var status = OpeningStatus.At(hours.Get(candidate.Station.Record.OpeningHours), now, candidate.Station.Record.Place);
                if ((query.OpenNow && status.OpenNow != true) || (query.ExcludeReportedClosed && board.IsReportedClosed(candidate.Station.Id, now)))
                {
                    continue;
                }
                items.Add(ToItem(query, candidate, status) with { Status = board.Report(candidate.Station.Id, now) });
                if (items.Count == query.K)
                {
                    break;
                }
            }
            if (items.Count == query.K || ranked.Count < limit || limit >= MaxCandidates)
            {
                return new NearestResponse(new Origin(query.Lat, query.Lon), items);
            }
            limit = Math.Min(limit * 4, MaxCandidates);
        }
    }

    private static NearestItem ToItem(NearestQuery query, RankedStation candidate, OpeningStatus status)
    {
        var r = candidate.Station.Record;
        return new NearestItem(
            StationSummary.Of(candidate.Station),
            Math.Round(candidate.DistanceM, 2),
            Math.Round(Geodesy.InitialBearingDegrees(query.Lat, query.Lon, r.Lat, r.Lon), 1),
            status);
    }
}
