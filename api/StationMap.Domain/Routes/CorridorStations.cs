using StationMap.Domain.Nearest;

namespace StationMap.Domain.Routes;

/// <summary>
/// The stations of an index within a corridor and where along the route each comes: the grid cells the corridor
/// touches are read once each, so a station near many legs (a route doubling back, crossing itself) is measured once.
/// </summary>
public static class CorridorStations
{
    // The cells are widened a little past the corridor; RouteCorridor.Locate has the last word on every station.
    private const double CellMarginM = 10;

    /// <returns>The station ids and positions, in no particular order.</returns>
    public static List<(long Id, RoutePosition Position)> Find(StationIndex index, RouteCorridor corridor, in NearestFilter filter)
    {
        var found = new List<(long, RoutePosition)>();
        foreach (var (row, first, last) in corridor.Cells(CellMarginM))
        {
            for (var column = first; column <= last; column++)
            {
                var cell = index.Grid.Cells(row, column, column);
                if (cell.IsEmpty)
                {
                    continue;
                }
                // A long route has hundreds of blocks, of which a cell is near a few: find those once per cell.
                var blocks = corridor.BlocksNear(row, column);
                foreach (var p in cell)
                {
                    if (!index.Passes(p, filter))
                    {
                        continue;
                    }
                    var station = index[p];
                    if (corridor.Locate(station.Lat, station.Lon, blocks) is { } position)
                    {
                        found.Add((station.Id, position));
                    }
                }
            }
        }
        return found;
    }
}
