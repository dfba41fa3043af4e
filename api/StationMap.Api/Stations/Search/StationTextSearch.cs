using Microsoft.Extensions.Options;
using StationMap.Api.Checkins;
using StationMap.Api.Stations.Nearest;
using StationMap.Domain.Search;

namespace StationMap.Api.Stations.Search;

/// <summary>
/// Answers a <see cref="SearchQuery"/> from the search index of the loaded <see cref="LiveStationIndex"/>: the same
/// stations and reloads as nearest. There is no database path: null while no index is loaded (before the first load,
/// or with <c>Nearest:Path=Database</c>).
/// </summary>
public sealed class StationTextSearch(LiveStationIndex live, StationStatusBoard board, IOptions<NearestOptions> options, TimeProvider time)
{
    private readonly bool _useMemory = options.Value.Path == NearestPath.Memory;

    public SearchResponse? Find(SearchQuery query)
    {
        if (!_useMemory || live.Current is not { } loaded)
        {
            return null;
        }
        var index = loaded.Index;
        var now = time.GetUtcNow();
        var hits = index.Search.Find(query);
        var items = new List<SearchItem>(hits.Count);
        foreach (var hit in hits)
        {
            var s = index[hit.Position];
            items.Add(new SearchItem(
                StationSummary.Of(s) with { Status = board.Report(s.Id, now) },
                hit.Match.ToWire(),
                Math.Round(hit.Share, 3),
                hit.DistanceM is { } d ? Math.Round(d, 2) : null,
                hit.BearingDegrees is { } b ? Math.Round(b, 1) : null,
                OpeningStatus.At(s.OpeningHours, now, new(s.Lat, s.Lon))));
        }
        return new SearchResponse(
            SearchText.QueryCore(query.Text), query.HasPosition ? new Origin(query.Lat!.Value, query.Lon!.Value) : null, items);
    }
}
