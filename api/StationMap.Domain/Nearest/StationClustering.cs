using System.Runtime.InteropServices;
using StationMap.Domain.Queries;

namespace StationMap.Domain.Nearest;

/// <summary>
/// Stations aggregated on a square grid for low zoom levels, so a map showing a province or the country receives one
/// point per occupied cell instead of every station. The cells are PostGIS's <c>ST_SnapToGrid(location, size)</c>
/// ones (a station belongs to the cell whose centre, a multiple of the size, is nearest, halves to even), so the
/// database and the index group alike.
/// </summary>
public static class StationClustering
{
    /// <summary>
    /// A box may span at most this many cells: the map asks for its view plus a margin at 64-pixel cells (about 3,000
    /// cells on a 4K screen), and the answer, the work and the memory of one request grow with the occupied cells.
    /// </summary>
    public const double MaxCells = 100_000;

    /// <summary>A 256-pixel tile spans 360° / 2^zoom of longitude; a cell of 64 pixels keeps markers from overlapping.</summary>
    public static double CellDegreesAt(double zoom) => 90 / Math.Pow(2, Math.Floor(zoom));

    /// <summary>How many cells of <paramref name="cellDegrees"/> the box touches, occupied or not.</summary>
    public static double CellsSpanned(BoundingBox box, double cellDegrees) =>
        (Snap(box.MaxLon, cellDegrees) - Snap(box.MinLon, cellDegrees) + 1) * (Snap(box.MaxLat, cellDegrees) - Snap(box.MinLat, cellDegrees) + 1);

    /// <summary>
    /// The live stations inside <paramref name="box"/> passing <paramref name="filter"/>, one cluster per occupied
    /// cell, largest first (ties west to east, then south to north). Every such station is counted exactly once.
    /// </summary>
    public static List<StationCluster> Cluster(StationIndex index, BoundingBox box, in NearestFilter filter, double cellDegrees)
    {
        var cells = new Dictionary<(double X, double Y), Cell>();
        foreach (var p in index.Grid.InBox(box))
        {
            if (!index.Passes(p, filter))
            {
                continue;
            }
            var (lat, lon) = (index.Lats[p], index.Lons[p]);
            ref var cell = ref CollectionsMarshal.GetValueRefOrAddDefault(cells, (Snap(lon, cellDegrees), Snap(lat, cellDegrees)), out _);
            cell.Count++;
            cell.SumLat += lat;
            cell.SumLon += lon;
            cell.FirstPosition = cell.Count == 1 ? p : cell.FirstPosition;
            switch (index.KindAt(p))
            {
                case StationKind.WarmStation:
                    cell.WarmStations++;
                    break;
                case StationKind.WorkersHome:
                    cell.WorkersHomes++;
                    break;
                case StationKind.CheckpointRestStop:
                    cell.CheckpointRestStops++;
                    break;
            }
        }
        var clusters = cells
            .OrderByDescending(c => c.Value.Count).ThenBy(c => c.Key.X).ThenBy(c => c.Key.Y)
            .Select(c => c.Value.ToCluster(index))
            .ToList();
        return clusters;
    }

    // PostGIS snaps with rint((x - origin) / size), which rounds halves to even, as Math.Round does by default.
    private static double Snap(double value, double size) => Math.Round(value / size);

    private struct Cell
    {
        public int Count;
        public int WarmStations;
        public int WorkersHomes;
        public int CheckpointRestStops;
        public double SumLat;
        public double SumLon;
        public int FirstPosition;

        // The mean position, as ST_Centroid of the collected points gives it.
        public readonly StationCluster ToCluster(StationIndex index) => new(
            SumLat / Count, SumLon / Count, Count, WarmStations, WorkersHomes, CheckpointRestStops,
            Count == 1 ? index.Ids[FirstPosition] : null);
    }
}

/// <summary>One occupied grid cell: mean position, counts by kind, and the station id when it holds exactly one.</summary>
public sealed record StationCluster(
    double Lat, double Lon, int Count, int WarmStations, int WorkersHomes, int CheckpointRestStops, long? StationId);
